import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetCitySummaryQuery } from '../../cities/contracts';

const TTL_MS = 60_000;
const FALLBACK = 'A partner city';

/**
 * City names for notification texts, through the cities module's query, kept a minute: a burst of
 * events about one project asks once per city, not once per event.
 */
@Injectable()
export class CityNames {
  private readonly logger = new Logger(CityNames.name);
  /** Promises, so that a burst asking for one city while its lookup runs waits for that lookup. */
  private readonly cache = new Map<string, { name: Promise<string | null>; until: number }>();

  constructor(private readonly queries: QueryBus) {}

  async lookup(cityIds: string[]): Promise<(cityId: string) => string> {
    const now = Date.now();
    const found = new Map<string, string>();
    await Promise.all(
      [...new Set(cityIds)].map(async (id) => {
        let cached = this.cache.get(id);
        if (!cached || cached.until <= now) {
          cached = { name: this.fetch(id), until: now + TTL_MS };
          this.cache.set(id, cached);
        }
        const name = await cached.name;
        // An unknown city is asked again next time (it may just have been registered).
        if (!name && this.cache.get(id) === cached) this.cache.delete(id);
        found.set(id, name ?? FALLBACK);
      }),
    );
    return (id) => found.get(id) ?? FALLBACK;
  }

  private async fetch(cityId: string): Promise<string | null> {
    try {
      return (await this.queries.execute(new GetCitySummaryQuery(cityId)))?.name ?? null;
    } catch (error) {
      // A text with a neutral name beats no notification at all.
      this.logger.warn(`No name for city ${cityId}: ${String(error)}`);
      return null;
    }
  }
}
