import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListCitySummariesQuery } from '../../../cities/contracts';
import type { NotifiableEvent } from '../../domain/notifiable-event';
import { recipientsOf, type Recipients } from '../../domain/recipients';

/**
 * The cities told of each event (SPEC §4), muted types not applied: explicit cities as the rule
 * names them, a field's cities from the cities module, asked once per batch. Shared by the inbox
 * fan-out and the other channels (mail, webhooks) through NotifiedCitiesQuery.
 */
@Injectable()
export class NotifiedCities {
  constructor(private readonly queries: QueryBus) {}

  async of(events: readonly NotifiableEvent[]): Promise<string[][]> {
    const all = events.map(recipientsOf);
    const byField = new Map<string, string[]>();
    if (all.some((r) => r.kind === 'field')) {
      for (const city of await this.queries.execute(new ListCitySummariesQuery())) {
        byField.set(city.field, [...(byField.get(city.field) ?? []), city.id]);
      }
    }
    const resolve = (r: Recipients) => (r.kind === 'cities' ? r.cityIds : (byField.get(r.field) ?? []).filter((id) => !r.exceptCityIds.includes(id)));
    return all.map(resolve);
  }
}
