import { EventConsumer, type EventHandlerOf, type EventUnion, type HandlerContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import { InvitationAccepted, JoinRequestApproved, PartnerWithdrew, ProjectUpdated } from '../../projects/contracts';
import { applyMembership } from '../collaborations/collaboration.store';
import { membershipAfter } from '../collaborations/project-membership';
import { COLLABORATIONS_COLLECTION } from '../collaborations/project-membership.schema';

/**
 * The only input of the read model: the project events that change who takes part in a project,
 * and ProjectUpdated, which may rename it (every project event carries the title and members).
 */
const COLLABORATION_EVENTS = [InvitationAccepted, JoinRequestApproved, PartnerWithdrew, ProjectUpdated] as const;

/**
 * Feeds the collaborations read model; `npm run rebuild:read-models -- cities.collaborations`
 * rebuilds it from the log. Replay-safe: each write replaces the project's membership guarded by
 * the event's seq, so an event seen twice, or older than the stored state, changes nothing.
 */
@Injectable()
@EventConsumer({ name: 'cities.collaborations', events: COLLABORATION_EVENTS, projection: { collection: COLLABORATIONS_COLLECTION } })
export class CollaborationsProjector implements EventHandlerOf<typeof COLLABORATION_EVENTS> {
  async handle(event: EventUnion<typeof COLLABORATION_EVENTS>, { collection }: HandlerContext): Promise<void> {
    await applyMembership(collection!, membershipAfter(event));
  }
}
