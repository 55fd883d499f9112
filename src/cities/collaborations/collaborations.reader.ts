import { Injectable } from '@nestjs/common';
import type { Collaboration } from '../contracts';
import { CityReader } from '../persistence/city.reader';
import { CollaborationStore } from './collaboration.store';
import { collaborationsOf, partnerIdsOf, type CityCard } from './collaboration-links';

/** Answers "whom has this city worked with" from the read model and the cities collection. */
@Injectable()
export class CollaborationsReader {
  constructor(
    private readonly store: CollaborationStore,
    private readonly cities: CityReader,
  ) {}

  async of(cityId: string): Promise<Collaboration[]> {
    const links = await this.store.linksOf(cityId);
    if (links.length === 0) return [];
    const partners = await this.cities.findMany(partnerIdsOf(cityId, links));
    const cards = new Map<string, CityCard>(partners.map((c) => [c.id, { id: c.id, name: c.name, country: c.country, field: c.field }]));
    return collaborationsOf(cityId, links, cards);
  }
}
