import { createBackbone, type Backbone } from './app';
import { context, Project } from './fixtures';
import { startMongo } from './mongo';
import { waitFor } from './wait-for';

/** Per-consumer subscriptions against the real MongoDB protocol: checkpoints, retries, dead letters, leases, rebuilds. */
describe('subscriptions (MongoDB)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let a: Backbone;
  let b: Backbone;
  let n = 0;

  beforeAll(async () => {
    mongo = await startMongo('events_subscriptions');
    a = await createBackbone(mongo.uri);
    b = await createBackbone(mongo.uri);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await mongo?.stop();
  });

  const propose = async (backbone = a, id = `p-${++n}`) => (await backbone.repository.save(Project.propose(id, `Project ${id}`), context()))[0]!;
  /** Proposes a project whose events the flaky consumer fails on, on both instances. */
  const proposeFailing = async () => {
    const id = `p-${++n}`;
    a.flaky.failOn.add(id);
    b.flaky.failOn.add(id);
    return propose(a, id);
  };
  const healed = (event: { aggregateId: string }) => {
    a.flaky.failOn.delete(event.aggregateId);
    b.flaky.failOn.delete(event.aggregateId);
  };
  const deliveriesOf = (id: string) => [...a.idempotent.deliveries, ...b.idempotent.deliveries].filter((d) => d === id).length;
  const checkpoint = async (name: string) => (await a.checkpoints.get(name))?.seq ?? 0;

  it('hands every event to each shared consumer once, in seq order, and stores its checkpoint', async () => {
    const events = [await propose(), await propose(b), await propose()];
    await waitFor(() => events.every((e) => deliveriesOf(e.id) === 1), 'each event delivered once');
    const seqs = [...a.idempotent.deliveries, ...b.idempotent.deliveries].map((id) => events.find((e) => e.id === id)?.seq).filter(Boolean);
    expect(seqs).toEqual([...seqs].sort((x, y) => x! - y!));
    await waitFor(async () => (await checkpoint('test.idempotent')) >= events[2].seq, 'the checkpoint to pass the last event');
  });

  it('runs each shared consumer on exactly one instance and instance consumers on both', async () => {
    const status = [...(await a.subscriptions.status()), ...(await b.subscriptions.status())];
    for (const name of ['test.flaky', 'test.idempotent', 'test.titles']) {
      expect(status.filter((s) => s.name === name && s.runsHere)).toHaveLength(1);
    }
    const event = await propose();
    await waitFor(() => a.everywhere.deliveries.includes(event.id) && b.everywhere.deliveries.includes(event.id), 'both instances to push it');
    expect(status.filter((s) => s.name === 'test.everywhere' && s.runsHere)).toHaveLength(2);
  });

  it('retries a failing consumer with backoff without holding up the others, then parks the event', async () => {
    const event = await proposeFailing();
    const after = await propose();
    // The other consumers are not held up by the failing one.
    await waitFor(() => deliveriesOf(after.id) === 1, 'the idempotent consumer to move past the event');
    await waitFor(async () => (await a.deadLetters.get(`test.flaky@${event.id}`))?.status === 'parked', 'the event to be parked');

    const attempts = [...a.flaky.deliveries, ...b.flaky.deliveries].filter((e) => e.id === event.id).length;
    expect(attempts).toBe(3); // maxAttempts
    expect(await a.deadLetters.get(`test.flaky@${event.id}`)).toMatchObject({
      consumer: 'test.flaky',
      seq: event.seq,
      attempts: 3,
      error: 'consumer down',
    });
    // …and the failing consumer went on with the next event.
    await waitFor(() => [...a.flaky.deliveries, ...b.flaky.deliveries].some((e) => e.id === after.id), 'the flaky consumer to go on');
    const status = (await a.subscriptions.status()).find((s) => s.name === 'test.flaky')!;
    expect(status.stuck).toBe(false);
  });

  it('delivers a parked event exactly once when an admin retries it, and refuses a second retry', async () => {
    const event = await proposeFailing();
    const id = `test.flaky@${event.id}`;
    await waitFor(async () => (await a.deadLetters.get(id))?.status === 'parked', 'the event to be parked');
    healed(event);
    const before = [...a.flaky.deliveries, ...b.flaky.deliveries].filter((e) => e.id === event.id).length;

    expect(await a.subscriptions.retryDeadLetter(id)).toMatchObject({ status: 'retrying' });
    await expect(b.subscriptions.retryDeadLetter(id)).rejects.toMatchObject({ reason: 'conflict' });
    await waitFor(async () => (await a.deadLetters.get(id))?.status === 'delivered', 'the retry to deliver it');
    expect([...a.flaky.deliveries, ...b.flaky.deliveries].filter((e) => e.id === event.id).length).toBe(before + 1);
    await expect(a.subscriptions.retryDeadLetter(id)).rejects.toMatchObject({ reason: 'conflict' });
    await expect(a.subscriptions.skipDeadLetter('test.flaky@nope')).rejects.toMatchObject({ reason: 'not-found' });
  });

  it('lets an admin skip a parked event', async () => {
    const event = await proposeFailing();
    const id = `test.flaky@${event.id}`;
    await waitFor(async () => (await a.deadLetters.get(id))?.status === 'parked', 'the event to be parked');
    expect(await a.subscriptions.skipDeadLetter(id)).toMatchObject({ status: 'skipped' });
    expect((await a.subscriptions.listDeadLetters({ status: 'skipped' }, 1, 10)).items.map((l) => l._id)).toContain(id);
  });

  it('hands a shared consumer over when its holder stops renewing the lease, losing and doubling nothing', async () => {
    const holder = (await a.subscriptions.status()).find((s) => s.name === 'test.idempotent')!.runsHere ? a : b;
    const other = holder === a ? b : a;
    // The holder freezes (as a killed process would): its runners stop without giving the lease back.
    const runners = (holder.subscriptions as unknown as { runners: Map<string, { stop(): Promise<void>; releaseLease(): Promise<void> }> }).runners;
    for (const runner of runners.values()) {
      runner.releaseLease = async () => undefined;
      await runner.stop();
    }
    const events = [await propose(holder), await propose(other), await propose(holder)];
    // Another instance takes over once the lease (1 s here) expired.
    await waitFor(() => events.every((e) => other.idempotent.deliveries.includes(e.id)), 'the other instance to take over', 5000);
    expect(events.map((e) => deliveriesOf(e.id))).toEqual([1, 1, 1]);
    expect((await other.subscriptions.status()).find((s) => s.name === 'test.idempotent')!.runsHere).toBe(true);
    // The frozen instance is replaced by a fresh one for the remaining tests.
    await holder.close();
    if (holder === a) a = await createBackbone(mongo.uri);
    else b = await createBackbone(mongo.uri);
  });

  it('rebuilds a projection into a fresh collection and swaps it in, while consumers run', async () => {
    const titles = a.store.collection('test_titles');
    const last = await propose();
    await waitFor(async () => (await titles.findOne({ _id: last.aggregateId } as never)) !== null, 'the projection to catch up');
    const before = await titles.find({}).sort({ _id: 1 }).toArray();
    await titles.insertOne({ _id: 'ghost', title: 'not in the log' } as never);
    // The half-filled shadow of an attempt whose process died.
    await a.store.collection('test_titles__rebuild_dead0000').insertOne({ _id: 'half' } as never);

    const result = await b.subscriptions.rebuild('test.titles');
    expect(result.events).toBe(before.length);
    expect(await titles.find({}).sort({ _id: 1 }).toArray()).toEqual(before);
    // No shadow is left: neither the dead attempt's nor this one's (renamed over the live collection).
    expect((await a.store.collectionNames()).filter((name) => name.startsWith('test_titles__rebuild_'))).toEqual([]);
    // The projection goes on from where the rebuild stopped.
    const next = await propose(b);
    await waitFor(async () => (await titles.findOne({ _id: next.aggregateId } as never)) !== null, 'the projection to follow new events');
    await expect(a.subscriptions.rebuild('test.idempotent')).rejects.toThrow(/No projection named "test.idempotent"; projections: test.titles/);
  });

  it('reports each consumer with its lag behind the head', async () => {
    const status = await a.subscriptions.status();
    expect(status.map((s) => s.name).sort()).toEqual(['test.everywhere', 'test.flaky', 'test.idempotent', 'test.titles']);
    await waitFor(async () => (await a.subscriptions.status()).every((s) => s.lag === 0), 'every consumer at the head');
  });
});

describe('a stuck consumer (MongoDB)', () => {
  it('is reported stuck once it has been behind without progress for stuckAfterMs', async () => {
    const mongo = await startMongo('events_stuck');
    const c = await createBackbone(mongo.uri, { maxAttempts: 1000, stuckAfterMs: 300 });
    try {
      c.flaky.failOn.add('p-stuck');
      await c.repository.save(Project.propose('p-stuck', 'Stuck'), context());
      await waitFor(async () => (await c.subscriptions.status()).find((s) => s.name === 'test.flaky')?.stuck === true, 'the consumer to be stuck');
      const status = (await c.subscriptions.status()).find((s) => s.name === 'test.flaky')!;
      expect(status).toMatchObject({ lag: expect.any(Number), failing: { attempts: expect.any(Number), error: 'consumer down' } });
      expect((await c.subscriptions.status()).filter((s) => s.stuck).map((s) => s.name)).toEqual(['test.flaky']);
      c.flaky.failOn.clear();
      await waitFor(async () => (await c.subscriptions.status()).every((s) => !s.stuck && s.lag === 0), 'it to recover');
    } finally {
      await c.close();
      await mongo.stop();
    }
  });
});
