import { DomainEvent } from '@app/events';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { InvitationAccepted, JoinRequestApproved, PartnerWithdrew, ProjectUpdated, type ProjectEventBase } from '../../projects/contracts';
import { CollaborationStore } from './collaboration.store';
import { membershipAfter } from './project-membership';

/**
 * The only input of the read model: the project events that change who takes part in a project,
 * and ProjectUpdated, which may rename it (every project event carries the title and members).
 */
export const COLLABORATION_EVENTS = [InvitationAccepted, JoinRequestApproved, PartnerWithdrew, ProjectUpdated];
export const COLLABORATION_EVENT_TYPES: readonly string[] = COLLABORATION_EVENTS.map((e) => e.type);

/**
 * Feeds the collaborations read model from the EventBus. Idempotent (events may be redelivered):
 * each write is keyed by the event's seq. A failure throws, and the event backbone redelivers.
 */
@EventsHandler(...COLLABORATION_EVENTS)
export class CollaborationsProjector implements IEventHandler<DomainEvent<ProjectEventBase>> {
  constructor(private readonly store: CollaborationStore) {}

  async handle(event: DomainEvent<ProjectEventBase>): Promise<void> {
    await this.store.apply(membershipAfter(event));
  }
}
