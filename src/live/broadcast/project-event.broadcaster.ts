import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import type { DomainEvent } from '@app/events';
import { PROJECT_EVENTS } from '../../projects/contracts';
import { LiveServerMessages, projectRoom } from '../contracts';
import { LiveGateway } from '../live.gateway';
import { toProjectEventMessage } from '../project-event-message';

/**
 * Every project event to the sockets watching that project, on every instance (Redis adapter).
 * Never throws: a broadcast lost in a Redis outage is recovered by the client's `sinceSeq` replay,
 * and throwing would redeliver the event to every other handler for nothing.
 */
@EventsHandler(...PROJECT_EVENTS)
export class ProjectEventBroadcaster implements IEventHandler<DomainEvent> {
  constructor(private readonly gateway: LiveGateway) {}

  handle(event: DomainEvent): void {
    this.gateway.namespace?.to(projectRoom(event.aggregateId)).emit(LiveServerMessages.projectEvent, toProjectEventMessage(event));
  }
}
