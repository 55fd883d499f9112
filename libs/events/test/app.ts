import { CqrsModule, EventBus, QueryBus } from '@nestjs/cqrs';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Connection, Model } from 'mongoose';
import { EventDispatcher, EventLog, EventRelay, EventsModule, EventStore, RelayLease, type RelayOptions } from '../src';
import { CityRegistered, PartnerInvited, ProjectProposed } from './fixtures';
import { FlakyHandler, IdempotentHandler, ProjectRepository, ProjectSchema, type ProjectDocument } from './project-store';

/** A Nest context wired like the app: MongooseModule.forRoot, CqrsModule, EventsModule, one repository. */
export async function createBackbone(uri: string, relay: RelayOptions = {}) {
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [
      MongooseModule.forRoot(uri),
      CqrsModule.forRoot(),
      EventsModule.forRoot({
        events: [ProjectProposed, PartnerInvited, CityRegistered],
        relay: { intervalMs: 20, delayMs: 150, backoffBaseMs: 50, backoffMaxMs: 200, ...relay },
      }),
      MongooseModule.forFeature([{ name: 'Project', schema: ProjectSchema }]),
    ],
    providers: [ProjectRepository, FlakyHandler, IdempotentHandler],
  }).compile();
  // Failures are provoked on purpose here; their logs would only bury the test report.
  if (!process.env.EVENTS_TEST_LOGS) moduleRef.useLogger(false);
  await moduleRef.init();
  const model = moduleRef.get<Model<ProjectDocument>>(getModelToken('Project'));
  await model.init(); // the unique index on title, before a test relies on it
  return {
    moduleRef,
    repository: moduleRef.get(ProjectRepository),
    model,
    connection: moduleRef.get<Connection>(getConnectionToken()),
    store: moduleRef.get(EventStore),
    log: moduleRef.get(EventLog),
    relay: moduleRef.get(EventRelay),
    lease: moduleRef.get(RelayLease),
    dispatcher: moduleRef.get(EventDispatcher),
    eventBus: moduleRef.get(EventBus),
    queryBus: moduleRef.get(QueryBus),
    flaky: moduleRef.get(FlakyHandler),
    idempotent: moduleRef.get(IdempotentHandler),
    close: () => moduleRef.close(),
  };
}

export type Backbone = Awaited<ReturnType<typeof createBackbone>>;
