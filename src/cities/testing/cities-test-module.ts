import { EventLog, EventsModule, EventStore, Subscriptions, UnitOfWork, type CommandContext } from '@app/events';
import { MongoMemoryServer } from '@app/mongo-memory';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { AppConfigModule } from '../../config/app-config.module';
import { PRACTICE_EVENTS } from '../../practices/contracts';
import { PROJECT_EVENTS } from '../../projects/contracts';
import { CitiesModule } from '../cities.module';
import { CitySeeder } from '../seeding/city-seeder';

/** MongoDB for one spec file: MONGODB_URI when set, else the in-process server; a database of its own. */
export async function startMongo(name: string): Promise<{ uri: string; stop(): Promise<void> }> {
  let server: MongoMemoryServer | undefined;
  let base = process.env.MONGODB_URI ?? '';
  if (!base) {
    server = new MongoMemoryServer({ replicaSet: 'rs0' });
    base = await server.start({ port: 0 });
  }
  const url = new URL(base);
  url.pathname = `/${name}_${randomBytes(3).toString('hex')}`;
  return { uri: url.toString(), stop: async () => server?.stop() };
}

/**
 * The cities module alone against a real MongoDB, wired as the app wires it (config, CQRS, the
 * event backbone). The project and practice event classes are registered here, as those modules
 * would, so that specs can record their events and watch the collaborations read model follow.
 */
export async function createCitiesTestModule(mongoUri: string, { seedOnStart = false } = {}) {
  const config = AppConfig.load({ NODE_ENV: 'test', MONGODB_URI: mongoUri, SEED_ON_START: String(seedOnStart), LOG_LEVEL: 'silent' });
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot(config),
      MongooseModule.forRoot(mongoUri),
      CqrsModule.forRoot(),
      EventsModule.forRoot({ events: [...PROJECT_EVENTS, ...PRACTICE_EVENTS], consumers: { pollIntervalMs: 50 } }),
      CitiesModule,
    ],
  }).compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return {
    moduleRef,
    commands: moduleRef.get(CommandBus),
    queries: moduleRef.get(QueryBus),
    log: moduleRef.get(EventLog),
    store: moduleRef.get(EventStore),
    unitOfWork: moduleRef.get(UnitOfWork),
    seeder: moduleRef.get(CitySeeder),
    subscriptions: moduleRef.get(Subscriptions),
    connection: moduleRef.get<Connection>(getConnectionToken()),
    close: () => moduleRef.close(),
  };
}

export type CitiesTestModule = Awaited<ReturnType<typeof createCitiesTestModule>>;

/** The context of a request: an admin, a user of `cityId`, or the system. */
export function contextOf(role: CommandContext['role'], cityId: string | null = null): CommandContext {
  return {
    actor: { userId: role === 'system' ? null : `user-${cityId ?? role}`, cityId },
    role,
    correlationId: `test-${randomBytes(4).toString('hex')}`,
  };
}

export const ADMIN = contextOf('admin');

/** A valid POST /cities body; override what the test is about. */
export function cityInput(overrides: Record<string, unknown> = {}) {
  return { name: 'Llíria', country: 'ES', region: 'europe-north-america', field: 'music', designationYear: 2019, ...overrides };
}
