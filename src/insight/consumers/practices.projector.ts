import { EventConsumer, type EventHandlerOf, type EventUnion, type HandlerContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import {
  PracticeEndorsed,
  PracticeEndorsementWithdrawn,
  PracticeHidden,
  PracticeShared,
  PracticeUnhidden,
  PracticeUpdated,
} from '../../practices/contracts';
import { applyGuarded } from '../persistence/guarded-write';
import { INSIGHT_COLLECTIONS, monthOf } from '../persistence/read-model-documents';

const EVENTS = [PracticeShared, PracticeUpdated, PracticeEndorsed, PracticeEndorsementWithdrawn, PracticeHidden, PracticeUnhidden] as const;

/**
 * The practices as insight sees them (`insight_practices`): what they are about (not their text,
 * which no event carries whole), their status (hidden ones are left out of exports and counts)
 * and endorsements. `npm run rebuild:read-models -- insight.practices` rebuilds it.
 */
@Injectable()
@EventConsumer({ name: 'insight.practices', events: EVENTS, projection: { collection: INSIGHT_COLLECTIONS.practices } })
export class InsightPracticesProjector implements EventHandlerOf<typeof EVENTS> {
  async handle(event: EventUnion<typeof EVENTS>, { collection }: HandlerContext): Promise<void> {
    const at = new Date(event.at);
    const { practiceId, title, authorCityId, field } = event.data;
    const set: Record<string, unknown> = { title, authorCityId, field, updatedAt: at };
    let upsert = false;
    switch (event.type) {
      case 'PracticeShared': {
        const d = event.data;
        Object.assign(set, {
          summary: d.summary,
          actionArea: d.actionArea,
          sdgs: d.sdgs,
          tags: d.tags,
          language: d.language,
          status: 'published',
          endorsementCount: 0,
          sharedAt: at,
          month: monthOf(at),
        });
        upsert = true;
        break;
      }
      case 'PracticeUpdated': {
        const { summary, actionArea, sdgs, tags, language } = event.data.changes;
        for (const [key, value] of Object.entries({ summary, actionArea, sdgs, tags, language })) if (value !== undefined) set[key] = value;
        break;
      }
      case 'PracticeEndorsed':
      case 'PracticeEndorsementWithdrawn':
        set.endorsementCount = event.data.endorsementCount;
        break;
      case 'PracticeHidden':
        set.status = 'hidden';
        break;
      case 'PracticeUnhidden':
        set.status = 'published';
        break;
    }
    await applyGuarded(collection!, practiceId, event.seq, { $set: set }, upsert);
  }
}
