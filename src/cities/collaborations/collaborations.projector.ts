import { DomainEvent } from '@app/events/define-event';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { InvitationAccepted, JoinRequestApproved, PartnerWithdrew, type PartnerEventBase } from '../../projects/contracts';
import { CollaborationStore } from './collaboration.store';
import { membershipAfter } from './project-membership';

/** The project events that change who takes part in a project: the only input of the read model. */
export const COLLABORATION_EVENTS = [InvitationAccepted, JoinRequestApproved, PartnerWithdrew];
export const COLLABORATION_EVENT_TYPES: readonly string[] = COLLABORATION_EVENTS.map((e) => e.type);

/**
 * Feeds the collaborations read model from the EventBus. Idempotent (events may be redelivered):
 * each write is keyed by the event's seq. A failure throws, and the event backbone redelivers.
 */
@EventsHandler(...COLLABORATION_EVENTS)
export class CollaborationsProjector implements IEventHandler<DomainEvent<PartnerEventBase>> {
  constructor(private readonly store: CollaborationStore) {}

  async handle(event: DomainEvent<PartnerEventBase>): Promise<void> {
    await this.store.apply(membershipAfter(event));
  }
}
