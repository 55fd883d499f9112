import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventEnvelope } from '../event-envelope';
import { EventLog } from '../event-log';
import { GetAggregateEvents } from './get-aggregate-events.query';

@QueryHandler(GetAggregateEvents)
export class GetAggregateEventsHandler implements IQueryHandler<GetAggregateEvents> {
  constructor(private readonly log: EventLog) {}

  execute({ aggregateType, aggregateId, options }: GetAggregateEvents): Promise<EventEnvelope[]> {
    return this.log.listForAggregate(aggregateType, aggregateId, options);
  }
}
