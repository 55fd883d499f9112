import { CommandBus, CqrsModule, IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { EventLog, EventsModule, type CommandContext } from '@app/events';
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

export async function createPracticesTestModule(mongoUri: string) {
  const moduleRef = await Test.createTestingModule({
    imports: [MongooseModule.forRoot(mongoUri), CqrsModule.forRoot(), EventsModule.forRoot({ consumers: { enabled: false } }), PracticesModule],
    providers: [FakeCityExists],
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
export function contextOf(cityId: string | null, role: CommandContext['role'] = 'city', userId = `user-${cityId ?? 'admin'}`): CommandContext {
  return { actor: { userId, cityId }, role, correlationId: `test-${Math.random().toString(36).slice(2)}` };
}

/** The reader matching `contextOf`. */
export function viewerOf(ctx: CommandContext): PracticeViewer {
  return { userId: ctx.actor.userId, cityId: ctx.actor.cityId, role: ctx.role };
}
