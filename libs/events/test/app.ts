import { CqrsModule, QueryBus } from '@nestjs/cqrs';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Connection, Model } from 'mongoose';
import { CommitSignal, DeadLetterStore, EventLog, EventsModule, EventStore, SubscriptionStore, Subscriptions, type ConsumerOptions } from '../src';
import { CityRegistered, PartnerInvited, ProjectProposed } from './fixtures';
import {
  FlakyConsumer,
  IdempotentConsumer,
  InstanceConsumer,
  ProjectRepository,
  ProjectSchema,
  TitlesProjection,
  type ProjectDocument,
} from './project-store';

/** A Nest context wired like the app: MongooseModule.forRoot, CqrsModule, EventsModule, a repository and consumers. */
export async function createBackbone(uri: string, consumers: ConsumerOptions = {}) {
  const moduleRef: TestingModule = await Test.createTestingModule({
    imports: [
      MongooseModule.forRoot(uri),
      CqrsModule.forRoot(),
      EventsModule.forRoot({
        events: [ProjectProposed, PartnerInvited, CityRegistered],
        consumers: { pollIntervalMs: 25, leaseMs: 1000, backoffBaseMs: 20, backoffMaxMs: 100, maxAttempts: 3, ...consumers },
      }),
      MongooseModule.forFeature([{ name: 'Project', schema: ProjectSchema }]),
    ],
    providers: [ProjectRepository, FlakyConsumer, IdempotentConsumer, InstanceConsumer, TitlesProjection],
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
    signal: moduleRef.get(CommitSignal),
    subscriptions: moduleRef.get(Subscriptions),
    checkpoints: moduleRef.get(SubscriptionStore),
    deadLetters: moduleRef.get(DeadLetterStore),
    queryBus: moduleRef.get(QueryBus),
    flaky: moduleRef.get(FlakyConsumer),
    idempotent: moduleRef.get(IdempotentConsumer),
    everywhere: moduleRef.get(InstanceConsumer),
    close: () => moduleRef.close(),
  };
}

export type Backbone = Awaited<ReturnType<typeof createBackbone>>;
