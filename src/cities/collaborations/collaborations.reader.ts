import { Injectable } from '@nestjs/common';
import type { Collaboration } from '../contracts';
import { CityReader } from '../persistence/city.reader';
import { CollaborationStore } from './collaboration.store';
import { collaborationsOf, partnerIdsOf, type CityCard } from './project-membership';

/** Answers "whom has this city worked with" from the read model and the cities collection. */
@Injectable()
export class CollaborationsReader {
  constructor(
    private readonly store: CollaborationStore,
    private readonly cities: CityReader,
  ) {}

  async of(cityId: string): Promise<Collaboration[]> {
    const memberships = await this.store.membershipsOf(cityId);
    if (memberships.length === 0) return [];
    const partners = await this.cities.findMany(partnerIdsOf(cityId, memberships));
    const cards = new Map<string, CityCard>(partners.map((c) => [c.id, { id: c.id, name: c.name, country: c.country, field: c.field }]));
    return collaborationsOf(cityId, memberships, cards);
  }
}
