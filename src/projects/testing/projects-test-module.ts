import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import { createModuleTestApp, type ModuleTestApp } from '@app/testing';
import { CityExistsQuery, ListCitySummariesQuery, type CitySummary } from '../../cities/contracts';
import { ListNetworkPracticeActivityQuery } from '../../practices/contracts';
import { SEED_CITIES } from '../../shared/seed-cities';
import { foldForSearch } from '../../shared/search-text';
import { ProjectsModule } from '../projects.module';

/**
 * The projects module alone against a real MongoDB, with the cities module's queries answered by
 * fakes over the seed cities (ids = folded names: `sevilla`, `lliria`…), for handler specs.
 */
export const FAKE_CITIES: CitySummary[] = SEED_CITIES.map((c) => ({
  id: foldForSearch(c.name),
  name: c.name,
  slug: foldForSearch(c.name),
  country: c.country,
  region: c.region,
  field: c.field,
  designationYear: c.designationYear,
  languages: [...c.languages],
}));

@QueryHandler(CityExistsQuery)
class FakeCityExists implements IQueryHandler<CityExistsQuery> {
  async execute({ cityId }: CityExistsQuery) {
    return FAKE_CITIES.some((c) => c.id === cityId);
  }
}

@QueryHandler(ListCitySummariesQuery)
class FakeListCitySummaries implements IQueryHandler<ListCitySummariesQuery> {
  async execute({ ids }: ListCitySummariesQuery) {
    return FAKE_CITIES.filter((c) => !ids || ids.includes(c.id));
  }
}

/** The projects module alone: no practice has been shared, no exchange made. */
@QueryHandler(ListNetworkPracticeActivityQuery)
class FakeNetworkPracticeActivity implements IQueryHandler<ListNetworkPracticeActivityQuery> {
  async execute() {
    return { practices: [], exchanges: [] };
  }
}

export function createProjectsTestModule(mongoUri: string): Promise<ModuleTestApp> {
  return createModuleTestApp(mongoUri, ProjectsModule, [FakeCityExists, FakeListCitySummaries, FakeNetworkPracticeActivity]);
}

/** The context of a request by a user of `cityId` (or an admin without a city). */
export function contextOf(cityId: string | null, role: CommandContext['role'] = 'city'): CommandContext {
  return { actor: { userId: `user-${cityId ?? 'admin'}`, cityId }, role, correlationId: `test-${Math.random().toString(36).slice(2)}` };
}
