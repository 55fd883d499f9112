import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Long, MongoClient, type Collection, type Document } from 'mongodb';
import { MongoMemoryServer } from '../src';
import { rejection, startTarget, type Loose, type Target } from './harness';

/**
 * Hints, hidden indexes, collMod and the server parameters ODM test harnesses set (found by running
 * mongoose's own suite against this server). Every assertion holds on a real server too, except
 * those guarded by `t.inProcess`.
 */
let t: Target;
beforeAll(async () => {
  t = await startTarget('index_options');
});
afterAll(() => t.close());

let n = 0;
const fresh = async (docs: Document[] = []): Promise<Collection<Loose>> => {
  const c = t.db.collection<Loose>(`c${++n}`);
  if (docs.length) await c.insertMany(docs);
  return c;
};
const names = (docs: Document[]) => docs.map((d) => d.name);
const people = [
  { _id: 1, name: 'Andrew', qty: 4 },
  { _id: 2, name: 'Betty', qty: 5 },
  { _id: 3, name: 'Charlie', qty: 4 },
];

describe('hint', () => {
  it('reads in the hinted index order, named by key pattern or by name, in find and aggregate', async () => {
    const c = await fresh(people);
    await c.createIndex({ qty: -1, name: -1 }, { name: 'by_qty' });
    expect(names(await c.find({}).toArray())).toEqual(['Andrew', 'Betty', 'Charlie']);
    expect(names(await c.find({}).hint({ qty: -1, name: -1 }).toArray())).toEqual(['Betty', 'Charlie', 'Andrew']);
    expect(
      names(
        await c
          .find({ qty: { $gte: 4 } })
          .hint('by_qty')
          .toArray(),
      ),
    ).toEqual(['Betty', 'Charlie', 'Andrew']);
    expect(names(await c.aggregate([{ $match: {} }], { hint: { qty: -1, name: -1 } }).toArray())).toEqual(['Betty', 'Charlie', 'Andrew']);
    expect(names(await c.aggregate([{ $project: { name: 1 } }], { hint: 'by_qty' }).toArray())).toEqual(['Betty', 'Charlie', 'Andrew']);
    // A sort still decides the order; $natural: -1 reads the collection backwards.
    expect(names(await c.find({}).hint('by_qty').sort({ name: 1 }).toArray())).toEqual(['Andrew', 'Betty', 'Charlie']);
    expect(names(await c.find({}).hint({ $natural: -1 }).toArray())).toEqual(['Charlie', 'Betty', 'Andrew']);
  });

  it('picks the first document of the hinted order for updateOne, deleteOne and findOneAndUpdate', async () => {
    const c = await fresh(people);
    await c.createIndex({ qty: -1, name: -1 });
    await c.updateOne({}, { $set: { first: true } }, { hint: { qty: -1, name: -1 } });
    expect(await c.findOne({ first: true })).toMatchObject({ name: 'Betty' });
    expect(await c.findOneAndUpdate({ qty: 4 }, { $set: { second: true } }, { hint: { qty: -1, name: -1 } })).toMatchObject({ name: 'Charlie' });
    await c.deleteOne({ qty: 4 }, { hint: { qty: -1, name: -1 } });
    expect(names(await c.find({}).toArray())).toEqual(['Andrew', 'Betty']);
  });

  it('reads only what a sparse index holds when hinted, in find and count', async () => {
    const c = await fresh([
      { _id: 1, name: 'a', tag: 'x' },
      { _id: 2, name: 'b' },
      { _id: 3, name: 'c', tag: 'w' },
    ]);
    await c.createIndex({ tag: 1 }, { sparse: true });
    expect(names(await c.find({}).hint({ tag: 1 }).toArray())).toEqual(['c', 'a']);
    expect(await c.countDocuments({}, { hint: { tag: 1 } })).toBe(2);
    expect(await c.countDocuments({})).toBe(3);
  });

  it('answers 2 BadValue for a hint naming no index, in reads and writes', async () => {
    const c = await fresh(people);
    for (const p of [
      c.find({}).hint({ nope: 1 }).toArray(),
      c.find({}).hint('nope').toArray(),
      c.aggregate([{ $match: {} }], { hint: { nope: 1 } }).toArray(),
      c.countDocuments({}, { hint: 'nope' }),
      c.updateOne({}, { $set: { x: 1 } }, { hint: 'nope' }),
      c.deleteMany({}, { hint: { nope: 1 } }),
    ])
      expect((await rejection(p)).code).toBe(2);
    expect(await c.countDocuments({ x: 1 })).toBe(0);
    expect(await c.countDocuments({})).toBe(3);
  });
});

describe('hidden indexes and collMod', () => {
  const listed = async (c: Collection<Loose>, name: string) => (await c.listIndexes().toArray()).find((i) => i.name === name);

  it('hides and unhides an index: listed with hidden: true, unique keys still enforced, not usable as a hint', async () => {
    const c = await fresh(people);
    await c.createIndex({ name: 1 }, { unique: true });
    expect(await t.db.command({ collMod: c.collectionName, index: { name: 'name_1', hidden: true } })).toMatchObject({
      hidden_old: false,
      hidden_new: true,
      ok: 1,
    });
    expect(await listed(c, 'name_1')).toMatchObject({ hidden: true, unique: true });
    expect((await rejection(c.insertOne({ _id: 4, name: 'Betty' } as never))).code).toBe(11000);
    expect((await rejection(c.find({}).hint('name_1').toArray())).code).toBe(2);
    expect(names(await c.find({ name: 'Charlie' }).toArray())).toEqual(['Charlie']);
    expect(await t.db.command({ collMod: c.collectionName, index: { keyPattern: { name: 1 }, hidden: false } })).toMatchObject({
      hidden_old: true,
      hidden_new: false,
    });
    expect((await listed(c, 'name_1'))!.hidden).toBeUndefined();
  });

  it('creates a hidden index with createIndex({hidden: true})', async () => {
    const c = await fresh(people);
    await c.createIndex({ qty: 1 }, { hidden: true });
    expect(await listed(c, 'qty_1')).toMatchObject({ hidden: true });
    expect((await rejection(c.createIndex({ _id: 1 }, { hidden: true, name: 'hidden_id' }))).code).toBe(2);
  });

  it('changes a TTL index expireAfterSeconds (old and new in the reply, as int64)', async () => {
    const c = await fresh();
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
    await c.insertOne({ _id: 1, at: new Date(Date.now() - 60_000) } as never);
    const reply = await t.db.command(
      { collMod: c.collectionName, index: { keyPattern: { at: 1 }, expireAfterSeconds: 10 } },
      { promoteLongs: false },
    );
    expect(reply.expireAfterSeconds_old).toEqual(Long.fromNumber(3600));
    expect(reply.expireAfterSeconds_new).toEqual(Long.fromNumber(10));
    expect((await listed(c, 'at_1'))!.expireAfterSeconds).toBe(10);
    // A real server's TTL monitor runs every 60 s by default; this one every second.
    if (t.inProcess) {
      const deadline = Date.now() + 5000;
      while ((await c.countDocuments()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await c.countDocuments()).toBe(0);
    }
  });

  it("answers a server's errors: 26, 27, 72, 2", async () => {
    const c = await fresh(people);
    const coll = c.collectionName;
    const code = async (cmd: Document) => (await rejection(t.db.command(cmd))).code;
    expect(await code({ collMod: 'missing_collection', index: { name: 'x', hidden: true } })).toBe(26);
    expect(await code({ collMod: coll, index: { name: 'nope', hidden: true } })).toBe(27);
    expect(await code({ collMod: coll, index: { hidden: true } })).toBe(72);
    expect(await code({ collMod: coll, index: { name: '_id_', keyPattern: { _id: 1 }, hidden: true } })).toBe(72);
    expect(await code({ collMod: coll, index: { name: '_id_' } })).toBe(72);
    expect(await code({ collMod: coll, index: { name: '_id_', hidden: true } })).toBe(2);
    expect(await t.db.command({ collMod: coll })).toMatchObject({ ok: 1 });
    if (t.inProcess) expect(await code({ collMod: coll, validator: { a: { $exists: true } } })).toBe(238);
  });

  it('keeps collMod changes across a restart of a server with a data directory', async () => {
    if (!t.inProcess) return;
    const dir = mkdtempSync(join(tmpdir(), 'mongo-memory-collmod-'));
    try {
      const open = async () => {
        const server = new MongoMemoryServer({ replicaSet: 'rs0', dataDir: dir });
        const client = await MongoClient.connect(await server.start({ port: 0 }));
        return { server, client, db: client.db('d') };
      };
      const first = await open();
      await first.db.collection('c').createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
      await first.db.command({ collMod: 'c', index: { name: 'at_1', hidden: true, expireAfterSeconds: 7 } });
      await first.client.close();
      await first.server.stop();
      const second = await open();
      expect((await second.db.collection('c').listIndexes().toArray()).find((i) => i.name === 'at_1')).toMatchObject({
        hidden: true,
        expireAfterSeconds: 7,
      });
      await second.client.close();
      await second.server.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('server parameters and index collation', () => {
  it('sets and reads ttlMonitorSleepSecs; an unknown parameter answers 72', async () => {
    const admin = t.client.db('admin');
    const before = (await admin.command({ getParameter: 1, ttlMonitorSleepSecs: 1 })).ttlMonitorSleepSecs;
    expect(typeof before).toBe('number');
    expect(await admin.command({ setParameter: 1, ttlMonitorSleepSecs: 2 })).toMatchObject({ was: before, ok: 1 });
    expect((await admin.command({ getParameter: 1, ttlMonitorSleepSecs: 1 })).ttlMonitorSleepSecs).toBe(2);
    await admin.command({ setParameter: 1, ttlMonitorSleepSecs: before });
    expect((await rejection(admin.command({ setParameter: 1, noSuchParameterAnywhere: 1 }))).code).toBe(72);
  });

  it('accepts the simple collation on an index', async () => {
    const c = await fresh(people);
    await c.createIndex({ name: 1 }, { collation: { locale: 'simple' } });
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toContain('name_1');
    if (t.inProcess) expect((await rejection(c.createIndex({ qty: 1 }, { collation: { locale: 'fr' } }))).code).toBe(238);
  });
});
