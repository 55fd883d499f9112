import { Long, ObjectId, type Collection } from 'mongodb';
import { rejection, startTarget, type Target } from './harness';

let t: Target;
beforeAll(async () => {
  t = await startTarget('crud');
});
afterAll(() => t.close());

const fresh = async (name: string): Promise<Collection<any>> => {
  const c = t.db.collection(name);
  await c.deleteMany({});
  return c;
};

describe('insert and find', () => {
  it('inserts documents, generates ids and stores _id first', async () => {
    const c = await fresh('people');
    const one = await c.insertOne({ name: 'Ada', age: 36 });
    const many = await c.insertMany([
      { name: 'Bob', age: 20 },
      { age: 50, name: 'Cy', _id: 'cy' as unknown as ObjectId },
    ]);
    expect(one.insertedId).toBeInstanceOf(ObjectId);
    expect(many.insertedCount).toBe(2);
    const cy = await c.findOne({ _id: 'cy' as unknown as ObjectId });
    expect(Object.keys(cy!)).toEqual(['_id', 'age', 'name']);
    expect(await c.findOne({ _id: one.insertedId })).toEqual({ _id: one.insertedId, name: 'Ada', age: 36 });
    expect(await c.findOne({ name: 'Nobody' })).toBeNull();
  });

  it('filters with comparison, logical, element, array and regex operators', async () => {
    const c = await fresh('filters');
    await c.insertMany([
      { _id: 1 as never, n: 5, tags: ['a', 'b'], sub: { x: 1 }, s: 'Lisbon' },
      { _id: 2 as never, n: 10, tags: ['c'], sub: { x: 2 }, s: 'Lyon' },
      {
        _id: 3 as never,
        n: null,
        items: [
          { k: 'p', q: 1 },
          { k: 'q', q: 5 },
        ],
        s: 'Bilbao',
      },
      { _id: 4 as never, s: 'Turin' },
    ]);
    const ids = async (filter: object) => (await c.find(filter).toArray()).map((d) => d._id);
    expect(await ids({ n: { $gt: 5 } })).toEqual([2]);
    expect(await ids({ n: { $gte: 5, $lt: 10 } })).toEqual([1]);
    expect(await ids({ n: { $in: [10, null] } })).toEqual([2, 3, 4]);
    expect(await ids({ n: null })).toEqual([3, 4]);
    expect(await ids({ n: { $exists: false } })).toEqual([4]);
    expect(await ids({ tags: 'a' })).toEqual([1]);
    expect(await ids({ tags: { $all: ['a', 'b'] } })).toEqual([1]);
    expect(await ids({ tags: { $size: 1 } })).toEqual([2]);
    expect(await ids({ 'sub.x': 2 })).toEqual([2]);
    expect(await ids({ sub: { x: 1 } })).toEqual([1]);
    expect(await ids({ items: { $elemMatch: { k: 'q', q: { $gt: 2 } } } })).toEqual([3]);
    expect(await ids({ 'items.k': 'p' })).toEqual([3]);
    expect(await ids({ $or: [{ n: 5 }, { s: 'Turin' }] })).toEqual([1, 4]);
    expect(await ids({ $nor: [{ n: 5 }, { n: 10 }], n: { $ne: null } })).toEqual([]);
    expect(await ids({ s: /^l/i })).toEqual([1, 2]);
    expect(await ids({ s: { $regex: 'bao$' } })).toEqual([3]);
    expect(await ids({ $expr: { $gt: ['$n', 6] } })).toEqual([2]);
    expect(await ids({ n: { $not: { $gt: 5 } } })).toEqual([1, 3, 4]);
  });

  it('sorts, skips, limits and projects', async () => {
    const c = await fresh('shape');
    await c.insertMany([
      { _id: 1 as never, city: 'b', rank: 2, meta: { a: 1, b: 2 } },
      { _id: 2 as never, city: 'a', rank: 2, meta: { a: 3, b: 4 } },
      { _id: 3 as never, city: 'c', rank: 1, meta: { a: 5, b: 6 } },
    ]);
    const sorted = await c.find({}, { sort: { rank: -1, city: 1 } }).toArray();
    expect(sorted.map((d) => d._id)).toEqual([2, 1, 3]);
    expect((await c.find({}, { sort: { city: 1 }, skip: 1, limit: 1 }).toArray()).map((d) => d._id)).toEqual([1]);
    expect(await c.findOne({ _id: 1 as never }, { projection: { city: 1 } })).toEqual({ _id: 1, city: 'b' });
    expect(await c.findOne({ _id: 1 as never }, { projection: { city: 1, _id: 0 } })).toEqual({ city: 'b' });
    expect(await c.findOne({ _id: 1 as never }, { projection: { meta: 0, rank: 0 } })).toEqual({ _id: 1, city: 'b' });
    expect(await c.findOne({ _id: 2 as never }, { projection: { 'meta.b': 1 } })).toEqual({ _id: 2, meta: { b: 4 } });
  });

  it('hands out large results in batches through getMore and kills cursors', async () => {
    const c = await fresh('many');
    await c.insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
    const all = await c.find({}, { sort: { i: 1 } }).toArray();
    expect(all).toHaveLength(250);
    expect(all[249].i).toBe(249);
    const cursor = c.find({}, { batchSize: 7 });
    let seen = 0;
    for await (const _doc of cursor) if (++seen === 20) break; // break closes the cursor (killCursors)
    expect(seen).toBe(20);
    const raw = await t.db.command({ find: 'many', batchSize: 2 });
    expect(raw.cursor.firstBatch).toHaveLength(2);
    const killed = await t.db.command({ killCursors: 'many', cursors: [Long.fromValue(raw.cursor.id)] });
    expect(killed.cursorsKilled).toHaveLength(1);
    const missing = await rejection(t.db.command({ getMore: Long.fromValue(raw.cursor.id), collection: 'many' }));
    expect(missing.code).toBe(43);
  });
});

describe('reads never hand out stored documents', () => {
  it('keeps stored documents intact whatever a read reshapes', async () => {
    const c = await fresh('copies');
    await c.insertOne({ _id: 1, meta: { a: 1, b: 2 }, list: [1, 2] });
    await c.findOne({ _id: 1 }, { projection: { 'meta.b': 0 } });
    await c.aggregate([{ $addFields: { 'meta.c': 3 } }, { $unset: 'list' }]).toArray();
    await c
      .aggregate([
        { $lookup: { from: 'copies', localField: '_id', foreignField: '_id', as: 'self' } },
        { $unwind: '$self' },
        { $set: { 'self.meta.a': 9 } },
      ])
      .toArray();
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, meta: { a: 1, b: 2 }, list: [1, 2] });
  });

  it('matches $type by BSON type and sorts in natural order', async () => {
    const c = await fresh('types');
    await c.insertMany([
      { _id: 1, v: 'x' },
      { _id: 2, v: new ObjectId() },
      { _id: 3, v: 1.5 },
      { _id: 4, v: [new Date()] },
      { _id: 5, v: null },
    ]);
    const ids = async (type: unknown) => (await c.find({ v: { $type: type } }).toArray()).map((d) => d._id);
    expect(await ids('objectId')).toEqual([2]);
    expect(await ids('string')).toEqual([1]);
    expect(await ids(['double', 'null'])).toEqual([3, 5]);
    expect(await ids('date')).toEqual([4]);
    expect(await ids('array')).toEqual([4]);
    expect(await ids('number')).toEqual([3]);
    expect((await c.find({}, { sort: { $natural: -1 } }).toArray()).map((d) => d._id)).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('update', () => {
  it('applies update operators and reports matched and modified counts', async () => {
    const c = await fresh('upd');
    await c.insertMany([
      { _id: 1 as never, n: 1, tags: ['a'], old: true, name: 'x' },
      { _id: 2 as never, n: 2, tags: [] },
    ]);
    const r = await c.updateOne({ _id: 1 as never }, {
      $inc: { n: 5 },
      $push: { tags: 'b' },
      $unset: { old: '' },
      $rename: { name: 'label' },
      $set: { 'deep.er': 1 },
    } as never);
    expect([r.matchedCount, r.modifiedCount]).toEqual([1, 1]);
    expect(await c.findOne({ _id: 1 as never })).toEqual({ _id: 1, n: 6, tags: ['a', 'b'], deep: { er: 1 }, label: 'x' });
    const many = await c.updateMany({}, { $addToSet: { tags: 'a' } });
    expect([many.matchedCount, many.modifiedCount]).toEqual([2, 1]);
    const same = await c.updateOne({ _id: 2 as never }, { $set: { n: 2 } });
    expect([same.matchedCount, same.modifiedCount]).toEqual([1, 0]);
    await c.updateOne({ _id: 1 as never }, { $pull: { tags: 'a' }, $mul: { n: 2 }, $min: { low: 3 }, $max: { top: 100 } } as never);
    expect(await c.findOne({ _id: 1 as never }, { projection: { tags: 1, n: 1, low: 1, top: 1 } })).toEqual({
      _id: 1,
      tags: ['b'],
      n: 12,
      low: 3,
      top: 100,
    });
  });

  it('upserts from the equality fields of the filter, with $setOnInsert only on insert', async () => {
    const c = await fresh('ups');
    const r = await c.updateOne(
      { city: 'Porto', $and: [{ year: { $eq: 2024 } }], score: { $gt: 1 } },
      { $set: { visits: 1 }, $setOnInsert: { createdBy: 'seed' } },
      { upsert: true },
    );
    expect(r.upsertedCount).toBe(1);
    const doc = await c.findOne({ _id: r.upsertedId! });
    expect(doc).toEqual({ _id: r.upsertedId, city: 'Porto', year: 2024, visits: 1, createdBy: 'seed' });
    const again = await c.updateOne({ city: 'Porto' }, { $set: { visits: 2 }, $setOnInsert: { createdBy: 'other' } }, { upsert: true });
    expect([again.matchedCount, again.upsertedCount]).toEqual([1, 0]);
    expect((await c.findOne({ city: 'Porto' }))!.createdBy).toBe('seed');
    const replaced = await c.replaceOne({ _id: 'fixed' as never }, { city: 'Nara' }, { upsert: true });
    expect(replaced.upsertedId).toBe('fixed');
  });

  it('updates array elements with arrayFilters and the positional operator', async () => {
    const c = await fresh('arr');
    await c.insertOne({
      _id: 1 as never,
      grades: [
        { g: 80, n: 1 },
        { g: 95, n: 1 },
      ],
      xs: [1, 2, 3],
    });
    await c.updateOne({ _id: 1 as never }, { $set: { 'grades.$[hi].n': 9 } }, { arrayFilters: [{ 'hi.g': { $gte: 90 } }] });
    await c.updateOne({ _id: 1 as never, xs: 2 }, { $set: { 'xs.$': 20 } });
    expect(await c.findOne({ _id: 1 as never })).toEqual({
      _id: 1,
      grades: [
        { g: 80, n: 1 },
        { g: 95, n: 9 },
      ],
      xs: [1, 20, 3],
    });
  });

  it('replaces documents, supports pipeline updates and refuses to change _id', async () => {
    const c = await fresh('repl');
    await c.insertOne({ _id: 1 as never, a: 1, b: 2 });
    await c.replaceOne({ _id: 1 as never }, { c: 3 });
    expect(await c.findOne({ _id: 1 as never })).toEqual({ _id: 1, c: 3 });
    await c.updateOne({ _id: 1 as never }, [{ $set: { d: { $add: ['$c', 1] } } }]);
    expect(await c.findOne({ _id: 1 as never })).toEqual({ _id: 1, c: 3, d: 4 });
    const err = await rejection(c.updateOne({ _id: 1 as never }, { $set: { _id: 2 } }));
    expect(err.code).toBe(66);
    const op = await rejection(c.updateOne({ _id: 1 as never }, { $frobnicate: { a: 1 } } as never));
    expect(op.code).toBe(9);
    const nonNumeric = await rejection(
      c.updateOne({ _id: 1 as never }, { $set: { s: 'x' } }).then(() => c.updateOne({ _id: 1 as never }, { $inc: { s: 1 } })),
    );
    expect(nonNumeric.code).toBe(14);
  });
});

describe('delete, findAndModify, count and distinct', () => {
  it('deletes one or many', async () => {
    const c = await fresh('del');
    await c.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await c.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await c.deleteMany({})).deletedCount).toBe(2);
    expect(await c.countDocuments()).toBe(0);
  });

  it('finds and modifies with sort, projection, upsert and before/after images', async () => {
    const c = await fresh('fam');
    await c.insertMany([
      { _id: 1 as never, q: 'x', v: 1 },
      { _id: 2 as never, q: 'x', v: 2 },
    ]);
    const before = await c.findOneAndUpdate({ q: 'x' }, { $inc: { v: 10 } }, { sort: { v: -1 }, returnDocument: 'before' });
    expect(before).toEqual({ _id: 2, q: 'x', v: 2 });
    const after = await c.findOneAndUpdate({ _id: 2 as never }, { $inc: { v: 1 } }, { returnDocument: 'after', projection: { v: 1, _id: 0 } });
    expect(after).toEqual({ v: 13 });
    const up = await c.findOneAndUpdate({ q: 'new' }, { $set: { v: 0 } }, { upsert: true, returnDocument: 'after' });
    expect(up).toMatchObject({ q: 'new', v: 0 });
    expect(await c.findOneAndUpdate({ q: 'none' }, { $set: { v: 0 } })).toBeNull();
    expect(await c.findOneAndReplace({ _id: 1 as never }, { q: 'y' }, { returnDocument: 'after' })).toEqual({ _id: 1, q: 'y' });
    expect(await c.findOneAndDelete({ q: 'y' })).toEqual({ _id: 1, q: 'y' });
    expect(await c.countDocuments({ q: 'y' })).toBe(0);
  });

  it('counts and lists distinct values', async () => {
    const c = await fresh('cnt');
    await c.insertMany([{ tag: ['a', 'b'], n: 1 }, { tag: 'a', n: 2 }, { tag: 'c', n: 3 }, { n: 4 }]);
    expect(await c.countDocuments({ n: { $gte: 2 } })).toBe(3);
    expect(await c.countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect(await c.estimatedDocumentCount()).toBe(4);
    expect((await c.distinct('tag')).sort()).toEqual(['a', 'b', 'c']);
    expect((await c.distinct('n', { n: { $lt: 3 } })).sort()).toEqual([1, 2]);
  });
});

describe('aggregate', () => {
  it('runs match, group, sort, project, lookup, unwind and count stages', async () => {
    const cities = await fresh('agg_cities');
    const projects = await fresh('agg_projects');
    await cities.insertMany([
      { _id: 'bil' as never, name: 'Bilbao' },
      { _id: 'lyo' as never, name: 'Lyon' },
    ]);
    await projects.insertMany([
      { city: 'bil', budget: 10, tags: ['x', 'y'] },
      { city: 'bil', budget: 5, tags: ['x'] },
      { city: 'lyo', budget: 7, tags: [] },
    ]);
    const totals = await projects
      .aggregate([
        { $match: { budget: { $gt: 1 } } },
        { $group: { _id: '$city', total: { $sum: '$budget' }, n: { $sum: 1 } } },
        { $sort: { total: -1 } },
        { $lookup: { from: 'agg_cities', localField: '_id', foreignField: '_id', as: 'city' } },
        { $project: { _id: 0, name: { $first: '$city.name' }, total: 1, n: 1 } },
      ])
      .toArray();
    expect(totals).toEqual([
      { total: 15, n: 2, name: 'Bilbao' },
      { total: 7, n: 1, name: 'Lyon' },
    ]);
    const tagCount = await projects.aggregate([{ $unwind: '$tags' }, { $count: 'tags' }]).toArray();
    expect(tagCount).toEqual([{ tags: 3 }]);
    const many = await fresh('agg_many');
    await many.insertMany(Array.from({ length: 150 }, (_, i) => ({ i })));
    expect(await many.aggregate([{ $sort: { i: -1 } }]).toArray()).toHaveLength(150);
  });
});

describe('collections and errors', () => {
  it('creates, lists and drops collections and databases', async () => {
    const db = t.client.db(`${t.dbName}_ddl`);
    await db.createCollection('alpha');
    const exists = await rejection(db.createCollection('alpha'));
    expect(exists.code).toBe(48);
    await db.collection('beta').insertOne({ x: 1 });
    const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
    expect(names).toEqual(['alpha', 'beta']);
    expect((await db.listCollections({ name: 'beta' }, { nameOnly: true }).toArray()).map((c) => c.name)).toEqual(['beta']);
    const dbs = await t.client.db('admin').admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).toContain(`${t.dbName}_ddl`);
    expect(await db.collection('alpha').drop()).toBe(true);
    await db.dropDatabase();
    expect(await db.listCollections().toArray()).toEqual([]);
    expect(await db.collection('beta').countDocuments()).toBe(0);
  });

  it('answers 26 NamespaceNotFound when dropping a missing collection', async () => {
    const reply = await t.db.command({ drop: 'never_created' }).catch((e) => e);
    // MongoDB 7 servers answer ok here; the in-process server answers 26 as older servers did.
    if (t.inProcess) expect(reply.code).toBe(26);
    else expect(reply.ok === 1 || reply.code === 26).toBe(true);
  });

  it('answers 59 CommandNotFound for an unknown command', async () => {
    const err = await rejection(t.db.command({ frobnicate: 1 }));
    expect(err.code).toBe(59);
    expect(err.codeName).toBe('CommandNotFound');
    expect(err.message).toContain('frobnicate');
  });

  it('refuses unknown query operators and pipeline stages instead of answering wrongly', async () => {
    const c = t.db.collection('errs');
    await c.insertOne({ a: 1 });
    const op = await rejection(c.find({ a: { $frobnicate: 1 } }).toArray());
    expect([op.code, op.message]).toEqual([2, 'unknown operator: $frobnicate']);
    const stage = await rejection(c.aggregate([{ $frobnicate: {} }]).toArray());
    expect(stage.code).toBe(40324);
    expect(stage.message).toMatch(/\$frobnicate/);
    const expr = await rejection(c.aggregate([{ $project: { x: { $frobnicate: 1 } } }]).toArray());
    expect(expr.code).toBe(168);
    expect(expr.message).toMatch(/\$frobnicate/);
  });

  it('answers ping and buildInfo', async () => {
    expect((await t.db.command({ ping: 1 })).ok).toBe(1);
    const info = await t.db.admin().buildInfo();
    expect(info.versionArray[0]).toBeGreaterThanOrEqual(7);
  });
});

describe('database-level aggregate', () => {
  it('lists the local sessions with $listLocalSessions, the calling one among them', async () => {
    const session = t.client.startSession();
    try {
      const listed = await t.client
        .db('admin')
        .aggregate([{ $listLocalSessions: {} }, { $match: { '_id.id': session.id!.id } }], { session })
        .toArray();
      expect(listed).toHaveLength(1);
      expect(listed[0]._id.uid.buffer).toHaveLength(32);
      expect(listed[0].lastUse).toBeInstanceOf(Date);
      const dummy = await t.client
        .db('admin')
        .aggregate([{ $listLocalSessions: {} }, { $limit: 1 }, { $addFields: { dummy: 'dummy field' } }, { $project: { _id: 0, dummy: 1 } }])
        .toArray();
      expect(dummy).toEqual([{ dummy: 'dummy field' }]);
    } finally {
      await session.endSession();
    }
  });
});
