import { EventConsumer, type EventHandlerOf, type EventUnion, type HandlerContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import { ExchangeCompleted } from '../../practices/contracts';
import { InvitationAccepted, JoinRequestApproved, PartnerWithdrew, ProjectUpdated } from '../../projects/contracts';
import { COLLABORATIONS_COLLECTION } from '../collaborations/collaboration-link.schema';
import { exchangeLink, membershipAfter } from '../collaborations/collaboration-links';
import { applyLink } from '../collaborations/collaboration.store';

/**
 * The only input of the read model: the project events that change who takes part in a project,
 * ProjectUpdated, which may rename it (every project event carries the title and members), and
 * ExchangeCompleted (host and requester have worked together).
 */
const COLLABORATION_EVENTS = [InvitationAccepted, JoinRequestApproved, PartnerWithdrew, ProjectUpdated, ExchangeCompleted] as const;

/**
 * Feeds the collaborations read model; `npm run rebuild:read-models -- cities.collaborations`
 * rebuilds it from the log. Replay-safe: each write replaces one link guarded by the event's seq,
 * so an event seen twice, or older than the stored state, changes nothing.
 */
@Injectable()
@EventConsumer({ name: 'cities.collaborations', events: COLLABORATION_EVENTS, projection: { collection: COLLABORATIONS_COLLECTION } })
export class CollaborationsProjector implements EventHandlerOf<typeof COLLABORATION_EVENTS> {
  async handle(event: EventUnion<typeof COLLABORATION_EVENTS>, { collection }: HandlerContext): Promise<void> {
    await applyLink(collection!, event.type === 'ExchangeCompleted' ? exchangeLink(event) : membershipAfter(event));
  }
}
