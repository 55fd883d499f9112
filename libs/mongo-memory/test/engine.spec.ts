import { UUID } from 'bson';
import { Engine } from '../src/engine';

/** Background work driven by the clock, tested without waiting: the engine runs commands directly. */
describe('engine background work', () => {
  let engine: Engine;
  beforeEach(() => (engine = new Engine('rs0')));
  afterEach(() => engine.close());

  const run = (cmd: object) => engine.run({ ...cmd, $db: 'e' }, 1);
  const lsid = { id: new UUID() };

  it('aborts a transaction that outlives the lifetime limit, releasing its documents', async () => {
    await run({ insert: 'c', documents: [{ _id: 1, n: 0 }] });
    const txn = { lsid, txnNumber: 1n, autocommit: false };
    expect((await run({ update: 'c', updates: [{ q: { _id: 1 }, u: { $inc: { n: 1 } } }], ...txn, startTransaction: true })).ok).toBe(1);
    expect((await run({ update: 'c', updates: [{ q: { _id: 1 }, u: { $inc: { n: 5 } } }] })).code).toBe(112);
    engine.tick(Date.now() + 61_000);
    expect((await run({ commitTransaction: 1, ...txn })).code).toBe(251);
    expect((await run({ update: 'c', updates: [{ q: { _id: 1 }, u: { $inc: { n: 5 } } }] })).nModified).toBe(1);
  });

  it('takes the transaction lifetime limit from its options', async () => {
    const short = new Engine('rs0', { transactionLifetimeMs: 5000 });
    try {
      const txn = { lsid: { id: new UUID() }, txnNumber: 1n, autocommit: false, $db: 'e' };
      await short.run({ insert: 'c', documents: [{ _id: 1 }], ...txn, startTransaction: true }, 1);
      short.tick(Date.now() + 4000);
      expect((await short.run({ insert: 'c', documents: [{ _id: 2 }], ...txn }, 1)).ok).toBe(1);
      short.tick(Date.now() + 6000);
      expect((await short.run({ commitTransaction: 1, ...txn }, 1)).code).toBe(251);
    } finally {
      short.close();
    }
    expect(() => new Engine('rs0', { transactionLifetimeMs: 0 })).toThrow(/transactionLifetimeMs/);
  });

  it('expires TTL documents on the next tick', async () => {
    await run({ createIndexes: 'ttl', indexes: [{ key: { at: 1 }, name: 'at_1', expireAfterSeconds: 60 }] });
    const now = Date.now();
    await run({
      insert: 'ttl',
      documents: [
        { _id: 'old', at: new Date(now - 61_000) },
        { _id: 'young', at: new Date(now - 59_000) },
        { _id: 'array', at: [new Date(now), new Date(now - 120_000)] },
      ],
    });
    engine.tick(now);
    const found = await run({ find: 'ttl', filter: {} });
    expect(found.cursor.firstBatch.map((d: { _id: string }) => d._id)).toEqual(['young']);
  });

  it('answers a retried retryable write without applying it twice', async () => {
    const cmd = { insert: 'r', documents: [{ _id: 1 }], lsid, txnNumber: 7n };
    expect((await run(cmd)).n).toBe(1);
    expect(await run(cmd)).toEqual({ n: 1, ok: 1 });
    expect((await run({ count: 'r' })).n).toBe(1);
  });
});
