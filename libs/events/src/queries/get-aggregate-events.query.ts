import { Query } from '@nestjs/cqrs';
import type { EventEnvelope } from '../event-envelope';
import type { ListEventsOptions } from '../event-log';

/** The events of one aggregate in seq order, for modules that ask through the QueryBus. */
export class GetAggregateEvents extends Query<EventEnvelope[]> {
  constructor(
    readonly aggregateType: string,
    readonly aggregateId: string,
    readonly options: ListEventsOptions = {},
  ) {
    super();
  }
}
