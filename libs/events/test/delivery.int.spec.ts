import { createBackbone, type Backbone } from './app';
import { context, Project } from './fixtures';
import { startMongo } from './mongo';
import { waitFor } from './wait-for';

/** Delivery against the real MongoDB protocol: after commit, relay, redelivery, lease. */
describe('event delivery (MongoDB)', () => {
  let mongo: Awaited<ReturnType<typeof startMongo>>;
  let a: Backbone;
  let b: Backbone;

  beforeAll(async () => {
    mongo = await startMongo('events_delivery');
    a = await createBackbone(mongo.uri);
    b = await createBackbone(mongo.uri);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await mongo?.stop();
  });

  afterEach(() => jest.restoreAllMocks());

  const eventDoc = (id: string) => a.store.events.findOne({ _id: id });
  const deliveriesOf = (id: string) => [...a.idempotent.deliveries, ...b.idempotent.deliveries].filter((d) => d === id).length;

  it('delivers an event whose writer died between commit and publish, through the relay', async () => {
    jest.spyOn(a.dispatcher, 'dispatch').mockResolvedValueOnce(0); // the process "dies" right after commit
    const [event] = await a.repository.save(Project.propose('p-crash', 'Crash'), context());

    expect((await eventDoc(event!.id))?.dispatchedAt).toBeNull();
    await waitFor(() => deliveriesOf(event!.id) === 1, 'the relay to deliver the event');
    expect(await eventDoc(event!.id)).toMatchObject({ attempts: 0, dispatchedAt: expect.any(Date) });
  });

  it('delivers an event whose publish failed, later, through the relay', async () => {
    jest.spyOn(a.eventBus, 'publish').mockImplementationOnce(() => {
      throw new Error('publisher down');
    });
    const [event] = await a.repository.save(Project.propose('p-pubfail', 'Publish fails'), context());

    expect(deliveriesOf(event!.id)).toBe(0);
    await waitFor(() => deliveriesOf(event!.id) === 1, 'the relay to deliver the event');
    expect(await eventDoc(event!.id)).toMatchObject({ attempts: 1, dispatchedAt: expect.any(Date) });
  });

  it('republishes an event whose handler threw, so an idempotent handler sees it again and applies it once', async () => {
    await b.relay.stop(); // redelivery through instance a, whose handlers we watch
    a.flaky.failures = 1;
    const [event] = await a.repository.save(Project.propose('p-flaky', 'Flaky consumer'), context());

    await waitFor(() => a.idempotent.deliveries.filter((id) => id === event!.id).length === 2, 'a redelivery');
    expect(a.flaky.deliveries.filter((e) => e.id === event!.id).map((e) => [e.seq, e.correlationId])).toEqual([
      [event!.seq, 'corr-1'],
      [event!.seq, 'corr-1'],
    ]);
    expect([...a.idempotent.effects.keys()].filter((id) => id === event!.id)).toHaveLength(1);
    await waitFor(async () => (await eventDoc(event!.id))?.dispatchedAt != null, 'the redelivery to be claimed');
    expect(await eventDoc(event!.id)).toMatchObject({ attempts: 1 });
    expect(b.idempotent.deliveries).not.toContain(event!.id);
    b.relay.start();
  });

  it('lets only the lease holder relay: two instances never both publish', async () => {
    // Both instances poll; the after-commit path is suppressed so everything goes through a relay.
    jest.spyOn(a.dispatcher, 'dispatch').mockResolvedValue(0);
    const beforeA = a.idempotent.deliveries.length;
    const beforeB = b.idempotent.deliveries.length;
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const [event] = await a.repository.save(Project.propose(`p-lease-${i}`, `Lease ${i}`), context());
      ids.push(event!.id);
    }
    await waitFor(() => ids.every((id) => deliveriesOf(id) === 1), 'the relay to deliver all 8 events');

    const byA = a.idempotent.deliveries.slice(beforeA).filter((id) => ids.includes(id)).length;
    const byB = b.idempotent.deliveries.slice(beforeB).filter((id) => ids.includes(id)).length;
    expect(byA + byB).toBe(8);
    expect([byA, byB]).toContain(0);
    expect(ids.every((id) => deliveriesOf(id) === 1)).toBe(true);
  });

  it('grants the lease to one owner until it expires or is released', async () => {
    await a.relay.stop();
    await b.relay.stop();
    const now = new Date();
    expect(await a.lease.acquire(1000, now)).toBe(true);
    expect(await b.lease.acquire(1000, now)).toBe(false);
    expect(await a.lease.acquire(1000, now)).toBe(true); // renewal
    expect(await b.lease.acquire(1000, new Date(now.getTime() + 1001))).toBe(true); // expired: taken over
    expect(await a.lease.acquire(1000, new Date(now.getTime() + 1002))).toBe(false);
    await b.lease.release();
    expect(await a.lease.acquire(1000, new Date(now.getTime() + 1003))).toBe(true);
    await a.lease.release();
  });
});
