import { EventConsumer, type EventHandlerOf, type EventUnion, type HandlerContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import { PracticeEndorsed, PracticeEndorsementWithdrawn } from '../../practices/contracts';
import { applyGuarded } from '../persistence/guarded-write';
import { INSIGHT_COLLECTIONS } from '../persistence/read-model-documents';

const EVENTS = [PracticeEndorsed, PracticeEndorsementWithdrawn] as const;

/**
 * Who endorsed what and when (`insight_endorsements`), for the endorsements given and received of
 * a city's report. A withdrawn endorsement stays, inactive, so that a replayed older event cannot
 * bring it back. `npm run rebuild:read-models -- insight.endorsements` rebuilds it.
 */
@Injectable()
@EventConsumer({ name: 'insight.endorsements', events: EVENTS, projection: { collection: INSIGHT_COLLECTIONS.endorsements } })
export class InsightEndorsementsProjector implements EventHandlerOf<typeof EVENTS> {
  async handle(event: EventUnion<typeof EVENTS>, { collection }: HandlerContext): Promise<void> {
    const { practiceId, authorCityId, cityId } = event.data;
    const active = event.type === 'PracticeEndorsed';
    const set: Record<string, unknown> = { practiceId, authorCityId, cityId, active };
    if (active) set.at = new Date(event.at);
    await applyGuarded(collection!, `${practiceId}:${cityId}`, event.seq, { $set: set }, true);
  }
}
