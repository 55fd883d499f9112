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
  private readonly cache = new Map<string, { name: string; until: number }>();

  constructor(private readonly queries: QueryBus) {}

  async lookup(cityIds: string[]): Promise<(cityId: string) => string> {
    const now = Date.now();
    const found = new Map<string, string>();
    await Promise.all(
      [...new Set(cityIds)].map(async (id) => {
        const cached = this.cache.get(id);
        if (cached && cached.until > now) return found.set(id, cached.name);
        const name = await this.fetch(id);
        if (name) this.cache.set(id, { name, until: now + TTL_MS });
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
