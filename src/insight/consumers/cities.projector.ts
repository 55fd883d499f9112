import { EventConsumer, type EventHandlerOf, type EventUnion, type HandlerContext } from '@app/events';
import { Injectable } from '@nestjs/common';
import { CityProfileUpdated, CityRegistered } from '../../cities/contracts';
import { applyGuarded } from '../persistence/guarded-write';
import { INSIGHT_COLLECTIONS, monthOf } from '../persistence/read-model-documents';

const EVENTS = [CityRegistered, CityProfileUpdated] as const;

/**
 * The cities as insight sees them (`insight_cities`): region, field and location for statistics,
 * the graph and exports. `npm run rebuild:read-models -- insight.cities` rebuilds it.
 */
@Injectable()
@EventConsumer({ name: 'insight.cities', events: EVENTS, projection: { collection: INSIGHT_COLLECTIONS.cities } })
export class InsightCitiesProjector implements EventHandlerOf<typeof EVENTS> {
  async handle(event: EventUnion<typeof EVENTS>, { collection }: HandlerContext): Promise<void> {
    const at = new Date(event.at);
    if (event.type === 'CityRegistered') {
      const { location, ...d } = event.data;
      await applyGuarded(
        collection!,
        event.aggregateId,
        event.seq,
        {
          $set: {
            name: d.name,
            slug: d.slug,
            country: d.country,
            region: d.region,
            field: d.field,
            designationYear: d.designationYear,
            languages: d.languages,
            description: d.description,
            website: d.website,
            lat: location?.lat ?? null,
            lng: location?.lng ?? null,
            registeredAt: at,
            month: monthOf(at),
            updatedAt: at,
          },
        },
        true,
      );
      return;
    }
    const { location, ...changes } = event.data.changes;
    const set: Record<string, unknown> = { name: event.data.name, updatedAt: at, ...changes };
    if (location !== undefined) Object.assign(set, { lat: location?.lat ?? null, lng: location?.lng ?? null });
    await applyGuarded(collection!, event.aggregateId, event.seq, { $set: set });
  }
}
