import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import { EventRegistry, EventsModule } from '../src';
import { CityRegistered, PartnerInvited, ProjectProposed } from './fixtures';

/** Stands in for MongooseModule.forRoot: start-up checks happen before any query. */
@Global()
@Module({ providers: [{ provide: getConnectionToken(), useValue: {} }], exports: [getConnectionToken()] })
class FakeMongoModule {}

@Module({ imports: [EventsModule.forFeature([ProjectProposed, PartnerInvited])] })
class ProjectsModule {}

@Module({ imports: [EventsModule.forFeature([PartnerInvited])] })
class RogueModule {}

function compile(...imports: unknown[]) {
  return Test.createTestingModule({
    imports: [FakeMongoModule, CqrsModule.forRoot(), EventsModule.forRoot({ events: [CityRegistered] }), ...(imports as never[])],
  }).compile();
}

describe('EventsModule', () => {
  it('collects the events of forRoot and of each forFeature', async () => {
    const moduleRef = await compile(ProjectsModule);
    expect(moduleRef.get(EventRegistry).types().sort()).toEqual(['CityRegistered', 'PartnerInvited', 'ProjectProposed']);
    await moduleRef.close();
  });

  it('fails start-up when two modules register the same event type', async () => {
    await expect(compile(ProjectsModule, RogueModule)).rejects.toThrow(/Event type "PartnerInvited" is registered twice/);
  });

  it('fails start-up on bad consumer settings', async () => {
    expect(() => EventsModule.forRoot({ consumers: { leaseMs: -1 } })).toThrow(/consumers\.leaseMs/);
  });
});
