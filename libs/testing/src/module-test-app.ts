import { EventLog, EventsModule } from '@app/events';
import type { Provider, Type } from '@nestjs/common';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { startTestMongo, type TestMongo } from './test-mongo';

/** A domain module alone, for handler specs: its buses, the event log, and how to stop it. */
export interface ModuleTestApp {
  commands: CommandBus;
  queries: QueryBus;
  log: EventLog;
  close(): Promise<void>;
}

/**
 * `module` alone against the MongoDB at `mongoUri`, wired as the application wires it for commands
 * and queries (events are recorded; no consumer runs), with `providers`: fakes of the queries it
 * sends other modules.
 */
export async function createModuleTestApp(mongoUri: string, module: Type, providers: Provider[] = []): Promise<ModuleTestApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [MongooseModule.forRoot(mongoUri), CqrsModule.forRoot(), EventsModule.forRoot({ consumers: { enabled: false } }), module],
    providers,
  }).compile();
  await moduleRef.init();
  return {
    commands: moduleRef.get(CommandBus),
    queries: moduleRef.get(QueryBus),
    log: moduleRef.get(EventLog),
    close: () => moduleRef.close(),
  };
}

/**
 * For the top of a `describe`: its `beforeAll` starts MongoDB (a database named after `name`) and
 * the module `create` builds on it, its `afterAll` stops both. The object returned is filled in by
 * `beforeAll`: use it in tests and hooks.
 */
export function useModuleTestApp(name: string, create: (mongoUri: string) => Promise<ModuleTestApp>): ModuleTestApp {
  const app = {} as ModuleTestApp;
  let mongo: TestMongo | undefined;
  beforeAll(async () => {
    mongo = await startTestMongo(name);
    Object.assign(app, await create(mongo.uri));
  });
  afterAll(async () => {
    await app.close?.();
    await mongo?.stop();
  });
  return app;
}
