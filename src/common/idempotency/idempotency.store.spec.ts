import { startTestMongo, type TestMongo } from '@app/testing';
import mongoose, { type Connection, type Model } from 'mongoose';
import { IdempotencyRecord, IdempotencyRecordSchema } from './idempotency-record.schema';
import { IdempotencyStore, LEASE_LOST } from './idempotency.store';

describe('IdempotencyStore (MongoDB)', () => {
  let mongo: TestMongo;
  let connection: Connection;
  let records: Model<IdempotencyRecord>;
  let store: IdempotencyStore;
  const LEASE = 1_000;
  // Times near now: records created "long ago" would be removed by the 24 h TTL monitor mid-test.
  const base = Date.now();
  const at = (ms: number) => new Date(base + ms);
  let n = 0;
  const key = () => `user-1:key-${++n}`;

  beforeAll(async () => {
    mongo = await startTestMongo('idempotency_store');
    connection = await mongoose.createConnection(mongo.uri).asPromise();
    records = connection.model(IdempotencyRecord.name, IdempotencyRecordSchema) as unknown as Model<IdempotencyRecord>;
    await records.init();
    store = new IdempotencyStore(records, { pendingLeaseMs: LEASE });
  });

  afterAll(async () => {
    await connection?.close();
    await mongo?.stop();
  });

  const claimed = async (id: string, now: Date) => {
    const claim = await store.claim(id, 'fp', now);
    if (claim.kind !== 'claimed') throw new Error(`not claimed: ${claim.kind}`);
    return claim.owner;
  };
  const commitIn = (id: string, owner: string) => connection.transaction((session) => store.markCommitted(id, owner, session));

  it('lets one of several concurrent claims win', async () => {
    const id = key();
    const claims = await Promise.all([1, 2, 3, 4].map(() => store.claim(id, 'fp', at(0))));
    expect(claims.filter((c) => c.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.kind === 'in-progress')).toHaveLength(3);
  });

  it('hands a pending key whose lease ran out to a retry of the same request, never of another', async () => {
    const id = key();
    await claimed(id, at(0));
    expect(await store.claim(id, 'fp', at(LEASE - 1))).toMatchObject({ kind: 'in-progress' });
    expect(await store.claim(id, 'other-fp', at(LEASE + 1))).toEqual({ kind: 'in-progress', fingerprint: 'fp' });
    const retries = await Promise.all([1, 2].map(() => store.claim(id, 'fp', at(LEASE + 1))));
    expect(retries.map((c) => c.kind).sort()).toEqual(['claimed', 'in-progress']);
  });

  it('keeps the key of a request that renews its lease', async () => {
    const id = key();
    const owner = await claimed(id, at(0));
    expect(await store.renew(id, owner, at(LEASE - 10))).toBe(true);
    expect(await store.claim(id, 'fp', at(LEASE + 500))).toMatchObject({ kind: 'in-progress' });
    expect(await store.renew(id, 'someone-else', at(0))).toBe(false);
  });

  it('never hands over a key whose command committed: a retry hears it was applied', async () => {
    const id = key();
    const owner = await claimed(id, at(0));
    await commitIn(id, owner);
    await store.release(id, owner); // the request failed after its commit: the key stays
    expect(await store.claim(id, 'fp', at(LEASE - 1))).toMatchObject({ kind: 'in-progress' });
    expect(await store.claim(id, 'fp', at(LEASE + 1))).toMatchObject({ kind: 'applied', committedAt: expect.any(Date) });
  });

  it('aborts the transaction of a request that lost its key to a retry', async () => {
    const id = key();
    const stalled = await claimed(id, at(0));
    const retry = await claimed(id, at(LEASE + 1));
    await expect(commitIn(id, stalled)).rejects.toMatchObject({ code: LEASE_LOST });
    await commitIn(id, retry);
    await store.complete(id, retry, 201, { id: 'p1' });
    expect(await store.claim(id, 'fp', at(LEASE * 10))).toEqual({ kind: 'replay', status: 201, body: { id: 'p1' }, fingerprint: 'fp' });
  });

  it('releases an uncommitted key of its owner only', async () => {
    const id = key();
    const owner = await claimed(id, at(0));
    await store.release(id, 'someone-else');
    expect(await records.findById(id).lean()).not.toBeNull();
    await store.release(id, owner);
    expect(await records.findById(id).lean()).toBeNull();
  });

  it('counts the lease of a record stored before leases from its creation', async () => {
    const id = key();
    await records.collection.insertOne({ _id: id as never, fingerprint: 'fp', state: 'pending', createdAt: at(0) });
    expect(await store.claim(id, 'fp', at(LEASE - 1))).toMatchObject({ kind: 'in-progress' });
    expect(await store.claim(id, 'fp', at(LEASE + 1))).toMatchObject({ kind: 'claimed' });
  });
});
