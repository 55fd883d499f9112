import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import { createModuleTestApp, type ModuleTestApp } from '@app/testing';
import { CityExistsQuery } from '../../cities/contracts';
import { foldForSearch } from '../../shared/search-text';
import { SEED_CITIES } from '../../shared/seed-cities';
import type { PracticeViewer } from '../domain/practice-policy';
import { PracticesModule } from '../practices.module';

/**
 * The practices module alone against a real MongoDB, with the cities module's query answered by a
 * fake over the seed cities (ids = folded names: `sevilla`, `lliria`…), for handler specs.
 */
const CITY_IDS = new Set(SEED_CITIES.map((c) => foldForSearch(c.name)));

@QueryHandler(CityExistsQuery)
class FakeCityExists implements IQueryHandler<CityExistsQuery> {
  async execute({ cityId }: CityExistsQuery) {
    return CITY_IDS.has(cityId);
  }
}

export function createPracticesTestModule(mongoUri: string): Promise<ModuleTestApp> {
  return createModuleTestApp(mongoUri, PracticesModule, [FakeCityExists]);
}

/** The context of a request by a user of `cityId` (or an admin without a city). */
export function contextOf(cityId: string | null, role: CommandContext['role'] = 'city', userId = `user-${cityId ?? 'admin'}`): CommandContext {
  return { actor: { userId, cityId }, role, correlationId: `test-${Math.random().toString(36).slice(2)}` };
}

/** The reader matching `contextOf`. */
export function viewerOf(ctx: CommandContext): PracticeViewer {
  return { userId: ctx.actor.userId, cityId: ctx.actor.cityId, role: ctx.role };
}
