import { EventConsumer, type EventHandlerOf } from '@app/events';
import { Injectable } from '@nestjs/common';
import { PROJECT_EVENTS, type ProjectEvent } from '../../projects/contracts';
import { LiveServerMessages, projectRoom } from '../contracts';
import { LiveGateway } from '../live.gateway';
import { toProjectEventMessage } from '../event-message';

/**
 * Every project event to the sockets of this instance watching that project. It runs on every
 * instance (scope `instance`, from the head of the log) and emits locally, so each socket gets an
 * event once whichever instance committed it. Replay-safe for clients: they drop a seq they have.
 * Never throws: a socket that missed something catches up with `sinceSeq`.
 */
@Injectable()
@EventConsumer({ name: 'live.project-events', events: PROJECT_EVENTS, scope: 'instance' })
export class ProjectEventBroadcaster implements EventHandlerOf<typeof PROJECT_EVENTS> {
  constructor(private readonly gateway: LiveGateway) {}

  handle(event: ProjectEvent): void {
    this.gateway.namespace?.local.to(projectRoom(event.aggregateId)).emit(LiveServerMessages.projectEvent, toProjectEventMessage(event));
  }
}
