import mongoose from 'mongoose';
import { MongoServerError, type Collection } from 'mongodb';
import { rejection, startTarget, type Target } from './harness';

let t: Target;
beforeAll(async () => {
  t = await startTarget('txn');
});
afterAll(() => t.close());

const fresh = async (name: string): Promise<Collection> => {
  await t.db
    .collection(name)
    .drop()
    .catch(() => undefined);
  await t.db.createCollection(name);
  return t.db.collection(name);
};

describe('transactions (driver)', () => {
  it('shows changes to others only at commit, and its own writes before', async () => {
    const c = await fresh('vis');
    const session = t.client.startSession();
    try {
      await session.withTransaction(async () => {
        await c.insertOne({ _id: 1 as never, v: 'a' }, { session });
        expect(await c.findOne({ _id: 1 as never }, { session })).toEqual({ _id: 1, v: 'a' });
        expect(await c.findOne({ _id: 1 as never })).toBeNull();
        expect(await c.countDocuments({}, { session })).toBe(1);
      });
    } finally {
      await session.endSession();
    }
    expect(await c.findOne({ _id: 1 as never })).toEqual({ _id: 1, v: 'a' });
  });

  it('discards everything on abort', async () => {
    const c = await fresh('abort');
    await c.insertOne({ _id: 1 as never, n: 1 });
    const session = t.client.startSession();
    session.startTransaction();
    await c.updateOne({ _id: 1 as never }, { $inc: { n: 1 } }, { session });
    await c.insertOne({ _id: 2 as never }, { session });
    await c.deleteOne({ _id: 1 as never }, { session });
    await session.abortTransaction();
    await session.endSession();
    expect(await c.find().toArray()).toEqual([{ _id: 1, n: 1 }]);
  });

  it('reads from the snapshot taken at its first operation', async () => {
    const c = await fresh('snap');
    await c.insertMany([
      { _id: 1 as never, v: 1 },
      { _id: 2 as never, v: 1 },
    ]);
    const session = t.client.startSession();
    session.startTransaction();
    expect((await c.findOne({ _id: 1 as never }, { session }))!.v).toBe(1);
    await c.updateOne({ _id: 2 as never }, { $set: { v: 2 } });
    await c.insertOne({ _id: 3 as never, v: 1 });
    expect((await c.findOne({ _id: 2 as never }, { session }))!.v).toBe(1);
    expect(await c.countDocuments({}, { session })).toBe(2);
    await session.commitTransaction();
    await session.endSession();
  });

  it('lets the first writer win: a second transaction gets WriteConflict (112), a transient error', async () => {
    const c = await fresh('conflict');
    await c.insertOne({ _id: 1 as never, n: 0 });
    const s1 = t.client.startSession();
    const s2 = t.client.startSession();
    s1.startTransaction();
    s2.startTransaction();
    await c.updateOne({ _id: 1 as never }, { $inc: { n: 1 } }, { session: s1 });
    const err = await rejection(c.updateOne({ _id: 1 as never }, { $inc: { n: 10 } }, { session: s2 }));
    expect(err).toBeInstanceOf(MongoServerError);
    expect(err.code).toBe(112);
    expect(err.hasErrorLabel('TransientTransactionError')).toBe(true);
    // The server aborted the loser: its next operation finds no transaction (251).
    const gone = await rejection(c.findOne({ _id: 1 as never }, { session: s2 }));
    expect(gone.code).toBe(251);
    await s2.abortTransaction().catch(() => undefined);
    await s1.commitTransaction();
    // Committing again is a retry: it succeeds without applying anything twice.
    await s1.commitTransaction();
    await Promise.all([s1.endSession(), s2.endSession()]);
    expect((await c.findOne({ _id: 1 as never }))!.n).toBe(1);
  });

  it('conflicts when the document changed after the snapshot', async () => {
    const c = await fresh('stale');
    await c.insertMany([{ _id: 1 as never, n: 0 }, { _id: 2 as never }]);
    const s = t.client.startSession();
    s.startTransaction();
    await c.findOne({ _id: 2 as never }, { session: s });
    await c.updateOne({ _id: 1 as never }, { $set: { n: 5 } });
    const err = await rejection(c.updateOne({ _id: 1 as never }, { $inc: { n: 1 } }, { session: s }));
    expect(err.code).toBe(112);
    await s.abortTransaction().catch(() => undefined);
    await s.endSession();
  });

  it('checks unique keys at write time, against others and itself', async () => {
    const c = await fresh('tuniq');
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertOne({ k: 'taken' });
    const s = t.client.startSession();
    s.startTransaction();
    const dup = await rejection(c.insertOne({ k: 'taken' }, { session: s }));
    expect(dup.code).toBe(11000);
    await s.abortTransaction().catch(() => undefined);
    s.startTransaction();
    await c.insertOne({ k: 'mine' }, { session: s });
    expect((await rejection(c.insertOne({ k: 'mine' }, { session: s }))).code).toBe(11000);
    await s.abortTransaction().catch(() => undefined);
    // Two open transactions inserting the same key: the second conflicts.
    const a = t.client.startSession();
    const b = t.client.startSession();
    a.startTransaction();
    b.startTransaction();
    await c.insertOne({ k: 'race' }, { session: a });
    expect((await rejection(c.insertOne({ k: 'race' }, { session: b }))).code).toBe(112);
    await a.commitTransaction();
    await b.abortTransaction().catch(() => undefined);
    await Promise.all([s.endSession(), a.endSession(), b.endSession()]);
    expect(await c.countDocuments({ k: 'race' })).toBe(1);
  });

  // On a real server a non-transactional write waits behind the transaction instead.
  (process.env.MONGODB_URI ? it.skip : it)('makes a non-transactional write to a held document conflict', async () => {
    const c = await fresh('outside');
    await c.insertOne({ _id: 1 as never, n: 0 });
    const s = t.client.startSession();
    s.startTransaction();
    await c.updateOne({ _id: 1 as never }, { $inc: { n: 1 } }, { session: s });
    expect((await rejection(c.updateOne({ _id: 1 as never }, { $inc: { n: 1 } }))).code).toBe(112);
    await s.commitTransaction();
    await s.endSession();
    await c.updateOne({ _id: 1 as never }, { $inc: { n: 1 } });
    expect((await c.findOne({ _id: 1 as never }))!.n).toBe(2);
  });
});

describe('sessions', () => {
  it('answers endSessions, which ends the session and (here) its open transaction', async () => {
    const c = await fresh('ended');
    const s = t.client.startSession();
    s.startTransaction();
    await c.insertOne({ _id: 1 as never }, { session: s });
    expect((await t.client.db('admin').command({ endSessions: [s.id] })).ok).toBe(1);
    // A real server reaps ended sessions lazily; the in-process one aborts their transactions at once.
    if (t.inProcess) {
      expect((await rejection(s.commitTransaction())).code).toBe(251);
      expect(await c.countDocuments()).toBe(0);
    } else {
      await s.abortTransaction().catch(() => undefined);
    }
    await s.endSession();
  });
});

describe('transactions (mongoose)', () => {
  it('retries conflicting connection.transaction() calls until all apply', async () => {
    const conn = await mongoose.createConnection(t.uri, { dbName: t.dbName }).asPromise();
    try {
      const Account = conn.model('Account', new mongoose.Schema({ name: String, balance: Number }));
      await Account.createCollection();
      await Account.create({ name: 'pool', balance: 0 });
      let attempts = 0;
      const deposit = (amount: number) =>
        conn.transaction(async (session) => {
          attempts++;
          const acc = await Account.findOne({ name: 'pool' }).session(session);
          await new Promise((r) => setTimeout(r, 10));
          acc!.balance! += amount;
          await acc!.save({ session });
        });
      await Promise.all([deposit(1), deposit(10), deposit(100)]);
      expect((await Account.findOne({ name: 'pool' }).lean())!.balance).toBe(111);
      expect(attempts).toBeGreaterThan(3);
      await expect(
        conn.transaction(async (session) => {
          await Account.create([{ name: 'ghost', balance: 1 }], { session });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await Account.countDocuments({ name: 'ghost' })).toBe(0);
    } finally {
      await conn.close();
    }
  });
});
