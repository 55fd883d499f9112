import { Query } from '@nestjs/cqrs';
import type { NotifiableEvent } from '../../domain/notifiable-event';

/**
 * For each event, the ids of the cities it notifies (SPEC §4), in the order of `events`; the cities'
 * muted types are not applied (they decide the inbox: ask GetMutedTypesQuery where that matters).
 */
export class NotifiedCitiesQuery extends Query<string[][]> {
  constructor(readonly events: readonly NotifiableEvent[]) {
    super();
  }
}
