import { ConflictError } from '@app/domain';
import { GetAggregateEvents, InvalidEventPayloadError, type EventDocument } from '../src';
import { createBackbone, type Backbone } from './app';
import { context, Project } from './fixtures';
import { startMongo } from './mongo';
import { waitFor } from './wait-for';

/** Storage against the real MongoDB protocol: one transaction for state and events, seq, queries. */
describe('event store (MongoDB)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let b: Backbone;

  beforeAll(async () => {
    mongo = await startMongo('events_store');
    b = await createBackbone(mongo.uri);
  });

  afterAll(async () => {
    await b?.close();
    await mongo?.stop();
  });

  const stored = (filter: object = {}) => b.store.events.find(filter).sort({ seq: 1 }).toArray();

  it('saves the aggregate and its events in one transaction, with actor and correlation, and wakes the consumers', async () => {
    const project = Project.propose('p-save', 'Literature nights');
    project.invite('city-2');
    const events = await b.repository.save(project, context({ correlationId: 'req-1', causationId: 'cause-1' }));

    expect(await b.model.findById('p-save').lean()).toMatchObject({ version: 1, partners: ['city-2'] });
    const docs = await stored({ aggregateId: 'p-save' });
    expect(docs.map((d) => d.type)).toEqual(['ProjectProposed', 'PartnerInvited']);
    expect(docs[1]).toMatchObject<Partial<EventDocument>>({
      _id: events[1]!.id,
      seq: events[0]!.seq + 1,
      aggregateType: 'project',
      actor: { userId: 'user-1', cityId: 'city-1' },
      correlationId: 'req-1',
      causationId: 'cause-1',
      data: { cityId: 'city-2' },
    });
    await waitFor(() => events.every((e) => b.idempotent.deliveries.includes(e.id)), 'the consumers to get both events');
  });

  it('refuses a stale version with a ConflictError and stores no event', async () => {
    await b.repository.save(Project.propose('p-stale', 'Design week'), context());
    const first = await b.repository.load('p-stale');
    const second = await b.repository.load('p-stale');
    first.invite('city-a');
    await b.repository.save(first, context());

    second.invite('city-b');
    const error = await b.repository.save(second, context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'project.stale-version' });

    expect((await stored({ aggregateId: 'p-stale' })).map((d) => d.data)).toEqual([{ title: 'Design week' }, { cityId: 'city-a' }]);
    expect(await b.model.findById('p-stale').lean()).toMatchObject({ version: 2, partners: ['city-a'] });
  });

  it('rolls the state back when an event payload breaks its schema', async () => {
    const project = Project.propose('p-bad', 'Broken');
    project.inviteBroken();
    await expect(b.repository.save(project, context())).rejects.toThrow(InvalidEventPayloadError);
    expect(await b.model.findById('p-bad').lean()).toBeNull();
    expect(await stored({ aggregateId: 'p-bad' })).toEqual([]);
  });

  it('turns a duplicate unique key into a ConflictError naming it, with no event', async () => {
    await b.repository.save(Project.propose('p-dup-1', 'Same title'), context());
    const error = await b.repository.save(Project.propose('p-dup-2', 'Same title'), context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'project.duplicate-key', message: expect.stringContaining('title') });
    expect(await stored({ aggregateId: 'p-dup-2' })).toEqual([]);
  });

  it('hands out strictly increasing seqs without gaps under concurrent saves', async () => {
    const before = await b.log.lastSeq();
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const project = Project.propose(`p-conc-${i}`, `Concurrent ${i}`);
        project.invite(`city-${i}`);
        await b.repository.save(project, context());
      }),
    );
    const events = await b.log.listAll({ afterSeq: before });
    expect(events).toHaveLength(40);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => before + 1 + i));
    // The two events of one save are adjacent: a save's seqs are allocated in one step.
    for (let i = 0; i < 20; i++) {
      const own = events.filter((e) => e.aggregateId === `p-conc-${i}`);
      expect(own.map((e) => e.type)).toEqual(['ProjectProposed', 'PartnerInvited']);
      expect(own[1]!.seq - own[0]!.seq).toBe(1);
    }
  });

  it('lists an aggregate’s events by seq, after a seq and up to a limit, also through the QueryBus', async () => {
    const project = Project.propose('p-list', 'Timeline');
    project.invite('c1');
    await b.repository.save(project, context());
    const loaded = await b.repository.load('p-list');
    loaded.invite('c2');
    loaded.invite('c3');
    await b.repository.save(loaded, context());

    const all = await b.log.listForAggregate('project', 'p-list');
    expect(all.map((e) => e.type)).toEqual(['ProjectProposed', 'PartnerInvited', 'PartnerInvited', 'PartnerInvited']);
    expect(all[0]).not.toHaveProperty('dispatchedAt');
    const missed = await b.log.listForAggregate('project', 'p-list', { afterSeq: all[1]!.seq });
    expect(missed.map((e) => e.data)).toEqual([{ cityId: 'c2' }, { cityId: 'c3' }]);
    expect(await b.log.listForAggregate('project', 'p-list', { afterSeq: all[0]!.seq, limit: 1 })).toEqual([all[1]]);

    const viaBus = await b.queryBus.execute(new GetAggregateEvents('project', 'p-list', { afterSeq: all[2]!.seq }));
    expect(viaBus.map((e) => e.data)).toEqual([{ cityId: 'c3' }]);
    expect(await b.log.listForAggregate('city', 'p-list')).toEqual([]);
  });
});
