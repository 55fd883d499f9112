import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Long, MongoClient, type ClientSession, type Db } from 'mongodb';
import { MongoMemoryServer } from '../src';
import { rejection, startTarget, type Target } from './harness';

let t: Target;
beforeAll(async () => {
  t = await startTarget('txnddl');
});
afterAll(() => t.close());

const names = async (db: Db = t.db): Promise<string[]> => (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
const indexNames = async (name: string, db: Db = t.db): Promise<string[]> =>
  (await db.collection(name).listIndexes().toArray()).map((i) => i.name as string).sort();

/** Runs `body` in a transaction that the test ends itself (commit or abort), and ends the session. */
async function inSession(body: (s: ClientSession) => Promise<void>): Promise<void> {
  const s = t.client.startSession();
  try {
    await body(s);
  } finally {
    await s.endSession();
  }
}

describe('commands inside a transaction', () => {
  it.each([
    ['count', (s: ClientSession) => t.db.collection('allow').count({}, { session: s })],
    ['listCollections', (s: ClientSession) => t.db.listCollections({}, { session: s }).toArray()],
    ['listIndexes', (s: ClientSession) => t.db.collection('allow').listIndexes({ session: s }).toArray()],
    ['drop', (s: ClientSession) => t.db.command({ drop: 'allow' }, { session: s })],
    ['dropIndexes', (s: ClientSession) => t.db.command({ dropIndexes: 'allow', index: '*' }, { session: s })],
    ['collMod', (s: ClientSession) => t.db.command({ collMod: 'allow' }, { session: s })],
  ])('refuses %s with 263 OperationNotSupportedInTransaction, not a transient error', async (name, run) => {
    await t.db
      .collection('allow')
      .insertOne({})
      .catch(() => undefined);
    await inSession(async (s) => {
      s.startTransaction();
      await t.db.collection('allow').findOne({}, { session: s });
      const err = await rejection(run(s));
      expect([err.code, err.codeName]).toEqual([263, 'OperationNotSupportedInTransaction']);
      expect(err.message).toMatch(new RegExp(`^Cannot run '${name}' in a multi-document transaction\\.`));
      expect(err.hasErrorLabel('TransientTransactionError')).toBe(false);
      await s.abortTransaction().catch(() => undefined);
    });
    expect(await names()).toContain('allow');
  });
});

describe('collections and indexes created inside a transaction', () => {
  it('are seen by the transaction at once and by others only from its commit', async () => {
    await inSession(async (s) => {
      s.startTransaction();
      await t.db.createCollection('explicit', { session: s });
      await t.db.collection('implicit').insertOne({ _id: 1 as never, t: 'a' }, { session: s });
      const reply = await t.db.command({ createIndexes: 'implicit', indexes: [{ key: { t: 1 }, name: 't_1', unique: true }] }, { session: s });
      expect(reply.createdCollectionAutomatically).toBe(false);
      await t.db.collection('upserted').updateOne({ _id: 2 as never }, { $set: { u: 1 } }, { upsert: true, session: s });
      // Its own reads see its new collections and their documents.
      expect(await t.db.collection('implicit').find({}, { session: s }).toArray()).toEqual([{ _id: 1, t: 'a' }]);
      expect(await t.db.collection('upserted').findOne({ _id: 2 as never }, { session: s })).toEqual({ _id: 2, u: 1 });
      // Others see none of them yet.
      const created = ['explicit', 'implicit', 'upserted'];
      expect((await names()).filter((n) => created.includes(n))).toEqual([]);
      expect(await t.db.collection('implicit').findOne({})).toBeNull();
      // The unique index it built holds against its own staged documents (the failed write aborts it).
      expect((await rejection(t.db.collection('implicit').insertOne({ t: 'a' }, { session: s }))).code).toBe(11000);
    });
    expect((await names()).filter((n) => ['explicit', 'implicit', 'upserted'].includes(n))).toEqual([]);
  });

  it('are installed with their indexes and documents at commit', async () => {
    await inSession(async (s) => {
      s.startTransaction();
      await t.db.createCollection('made', { session: s });
      await t.db.collection('made').createIndex({ k: 1 }, { unique: true, session: s });
      await t.db.collection('made').insertOne({ _id: 1 as never, k: 1 }, { session: s });
      await t.db.collection('made2').insertOne({ _id: 1 as never }, { session: s });
      expect(await names()).not.toContain('made');
      await s.commitTransaction();
    });
    expect(await names()).toEqual(expect.arrayContaining(['made', 'made2']));
    expect(await indexNames('made')).toEqual(['_id_', 'k_1']);
    expect(await t.db.collection('made').find().toArray()).toEqual([{ _id: 1, k: 1 }]);
    expect((await rejection(t.db.collection('made').insertOne({ k: 1 }))).code).toBe(11000);
  });

  it('are undone by an abort', async () => {
    await inSession(async (s) => {
      s.startTransaction();
      await t.db.createCollection('gone1', { session: s });
      await t.db.collection('gone1').createIndex({ z: 1 }, { session: s });
      await t.db.collection('gone2').insertOne({ _id: 1 as never }, { session: s });
      await t.db.collection('gone3').createIndex({ z: 1 }, { session: s });
      await s.abortTransaction();
    });
    const left = await names();
    for (const name of ['gone1', 'gone2', 'gone3']) expect(left).not.toContain(name);
    // The names are free again, in a transaction or outside one.
    await t.db.createCollection('gone1');
    expect(await indexNames('gone1')).toEqual(['_id_']);
  });

  it('refuses new indexes on a collection that existed before the transaction (263)', async () => {
    await t.db.collection('older').createIndex({ a: 1 });
    await inSession(async (s) => {
      s.startTransaction();
      // An index that exists already is fine: nothing to build.
      expect(await t.db.collection('older').createIndex({ a: 1 }, { session: s })).toBe('a_1');
      const err = await rejection(t.db.collection('older').createIndex({ b: 1 }, { session: s }));
      expect([err.code, err.codeName]).toEqual([263, 'OperationNotSupportedInTransaction']);
      expect(err.message).toBe(`Cannot create new indexes on existing collection ${t.dbName}.older in a multi-document transaction.`);
      await s.abortTransaction().catch(() => undefined);
    });
    expect(await indexNames('older')).toEqual(['_id_', 'a_1']);
  });

  // A real server makes the second creator wait for the transaction instead.
  it('makes another client creating the same collection meanwhile conflict (in-process)', async () => {
    if (!t.inProcess) return;
    await inSession(async (s) => {
      s.startTransaction();
      await t.db.collection('contested').insertOne({ _id: 1 as never }, { session: s });
      expect((await rejection(t.db.collection('contested').insertOne({ _id: 2 as never }))).code).toBe(112);
      expect((await rejection(t.db.createCollection('contested'))).code).toBe(112);
      await s.commitTransaction();
    });
    expect(await t.db.collection('contested').find().toArray()).toEqual([{ _id: 1 }]);
  });
});

describe('retryable writes', () => {
  // txnNumbers set by hand would clash with those of the driver's pooled server sessions: each test
  // runs them on a session of a client of its own.
  const withOwnSession = async (body: (run: (n: number, cmd: object) => Promise<Record<string, any>>) => Promise<void>) => {
    const client = await t.connect();
    const s = client.startSession();
    try {
      await body((n, cmd) => client.db(t.dbName).command({ ...cmd, txnNumber: Long.fromNumber(n) }, { session: s }));
    } finally {
      await s.endSession();
      await client.close();
    }
  };

  it('refuses a txnNumber older than the session newest with 225 TransactionTooOld', async () => {
    await withOwnSession(async (txnCommand) => {
      await txnCommand(5, { insert: 'tooold', documents: [{ _id: 1 }] });
      const err = await rejection(txnCommand(4, { insert: 'tooold', documents: [{ _id: 2 }] }));
      expect([err.code, err.codeName]).toEqual([225, 'TransactionTooOld']);
      expect(err.message).toMatch(
        /^Retryable write with txnNumber 4 is prohibited on session .* because a newer retryable write with txnNumber 5 has already started on this session\.$/,
      );
    });
    expect(await t.db.collection('tooold').find().toArray()).toEqual([{ _id: 1 }]);
  });

  it('answers per statement: a command reusing the txnNumber runs only the statements not yet run', async () => {
    await t.db.collection('stmts').insertOne({ _id: 1 as never, n: 0 });
    await withOwnSession(async (txnCommand) => {
      const update = { update: 'stmts', updates: [{ q: { _id: 1 }, u: { $inc: { n: 1 } } }] };
      expect(await txnCommand(7, update)).toMatchObject({ n: 1, nModified: 1 });
      expect(await txnCommand(7, update)).toMatchObject({ n: 1, nModified: 1 });
      // Statement 0 ran under txnNumber 7 (the update), so this insert's statement 0 counts as done
      // and is not run; its statement 1 is new and runs. Not the update's reply.
      const insert = await txnCommand(7, { insert: 'stmts', documents: [{ _id: 2 }, { _id: 3 }] });
      expect(insert.n).toBe(2);
      expect(insert.nModified).toBeUndefined();
      // An upsert's retry reports the upserted _id.
      const upsert = { update: 'stmts', updates: [{ q: { _id: 9 }, u: { $set: { up: true } }, upsert: true }] };
      expect((await txnCommand(8, upsert)).upserted).toEqual([{ index: 0, _id: 9 }]);
      expect(await txnCommand(8, upsert)).toMatchObject({ n: 1, nModified: 0, upserted: [{ index: 0, _id: 9 }] });
      // A findAndModify is answered from its first reply.
      const fam = { findAndModify: 'stmts', query: { _id: 1 }, update: { $inc: { n: 10 } }, new: true };
      expect((await txnCommand(9, fam)).value).toEqual({ _id: 1, n: 11 });
      expect((await txnCommand(9, fam)).value).toEqual({ _id: 1, n: 11 });
    });
    expect(await t.db.collection('stmts').find().sort({ _id: 1 }).toArray()).toEqual([{ _id: 1, n: 11 }, { _id: 3 }, { _id: 9, up: true }]);
  });
});

describe('a data directory', () => {
  const dirs: string[] = [];
  /** Records in a journal file (each length-prefixed). */
  const records = (file: string): number => {
    const buf = readFileSync(file);
    let n = 0;
    for (let p = 0; p < buf.length; p += 8 + buf.readUInt32LE(p)) n++;
    return n;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps what a transaction created once committed, and nothing of an aborted one, across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mongo-memory-txnddl-'));
    dirs.push(dir);
    const open = async () => {
      const server = new MongoMemoryServer({ replicaSet: 'rs0', dataDir: dir });
      const client = await MongoClient.connect(await server.start());
      return { server, client, db: client.db('ddl') };
    };
    let s = await open();
    const session = s.client.startSession();
    session.startTransaction();
    await s.db.createCollection('aborted', { session });
    await s.db.collection('aborted').createIndex({ a: 1 }, { session });
    await s.db.collection('aborted').insertOne({ _id: 1 as never }, { session });
    await session.abortTransaction();
    const journal = join(dir, 'journal-000001.log');
    const before = records(journal);
    session.startTransaction();
    await s.db.collection('kept').insertOne({ _id: 1 as never, k: 'x' }, { session });
    await s.db.collection('kept').createIndex({ k: 1 }, { unique: true, session });
    await session.commitTransaction();
    // Collection, index and document in the commit's one record: a crash keeps all or none of them.
    expect(records(journal) - before).toBe(1);
    await session.endSession();
    await s.client.close();
    await s.server.stop();

    s = await open();
    try {
      expect(await names(s.db)).toEqual(['kept']);
      expect(await indexNames('kept', s.db)).toEqual(['_id_', 'k_1']);
      expect(await s.db.collection('kept').find().toArray()).toEqual([{ _id: 1, k: 'x' }]);
      expect((await rejection(s.db.collection('kept').insertOne({ k: 'x' }))).code).toBe(11000);
    } finally {
      await s.client.close();
      await s.server.stop();
    }
  });
});
