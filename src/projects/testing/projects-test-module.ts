import { CqrsModule, IQueryHandler, QueryHandler, CommandBus, QueryBus } from '@nestjs/cqrs';
import { MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { EventLog, EventsModule, type CommandContext } from '@app/events';
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

export async function createProjectsTestModule(mongoUri: string) {
  const moduleRef = await Test.createTestingModule({
    imports: [MongooseModule.forRoot(mongoUri), CqrsModule.forRoot(), EventsModule.forRoot({ consumers: { enabled: false } }), ProjectsModule],
    providers: [FakeCityExists, FakeListCitySummaries, FakeNetworkPracticeActivity],
  }).compile();
  await moduleRef.init();
  return {
    commands: moduleRef.get(CommandBus),
    queries: moduleRef.get(QueryBus),
    log: moduleRef.get(EventLog),
    close: () => moduleRef.close(),
  };
}

/** The context of a request by a user of `cityId` (or an admin without a city). */
export function contextOf(cityId: string | null, role: CommandContext['role'] = 'city'): CommandContext {
  return { actor: { userId: `user-${cityId ?? 'admin'}`, cityId }, role, correlationId: `test-${Math.random().toString(36).slice(2)}` };
}
