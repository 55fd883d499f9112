import { Binary, DBRef, Double, Long, ObjectId, type Collection } from 'mongodb';
import { rejection, startTarget, type Loose, type Target } from './harness';

/**
 * Places where code written for MongoDB behaved differently here (issue #15's list of deviations
 * found by outside suites). Every assertion holds on a real server too: run with MONGODB_URI.
 */

let t: Target;
beforeAll(async () => {
  t = await startTarget('fidelity');
});
afterAll(() => t.close());

let n = 0;
const fresh = async (docs: object[] = []): Promise<Collection<Loose>> => {
  const c = t.db.collection<Loose>(`c${++n}`);
  if (docs.length) await c.insertMany(docs);
  return c;
};

describe('_id in $set and $setOnInsert', () => {
  it('accepts a $set that repeats the unchanged _id and refuses a different one (66)', async () => {
    const c = await fresh([{ _id: 1, a: 1 }]);
    const r = await c.updateOne({ _id: 1 }, { $set: { _id: 1, a: 2 } });
    expect([r.matchedCount, r.modifiedCount]).toEqual([1, 1]);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2 });
    const err = await rejection(c.updateOne({ _id: 1 }, { $set: { _id: 2 } }));
    expect(err.code).toBe(66);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2 });
  });

  it('upserts with the filter _id repeated in $set or $setOnInsert', async () => {
    const c = await fresh();
    await c.updateOne({ _id: 2 }, { $set: { _id: 2, a: 2 } }, { upsert: true });
    await c.updateOne({ _id: 3 }, { $setOnInsert: { _id: 3 }, $set: { a: 3 } }, { upsert: true });
    expect(await c.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 2, a: 2 },
      { _id: 3, a: 3 },
    ]);
    expect((await rejection(c.updateOne({ _id: 4 }, { $setOnInsert: { _id: 5 } }, { upsert: true }))).code).toBe(66);
  });

  it('takes the _id of an upserted document from $setOnInsert (mongoose upserts)', async () => {
    const c = await fresh();
    const id = new ObjectId();
    const r = await c.updateOne({ name: 'x' }, { $setOnInsert: { _id: id, created: 1 }, $set: { seen: 1 } }, { upsert: true });
    expect(r.upsertedId).toEqual(id);
    expect(await c.findOne({ name: 'x' })).toEqual({ _id: id, name: 'x', seen: 1, created: 1 });
    // Matching an existing document: $setOnInsert is ignored, its _id included.
    await c.updateOne({ name: 'x' }, { $setOnInsert: { _id: new ObjectId() }, $set: { seen: 2 } }, { upsert: true });
    expect(await c.findOne({ name: 'x' })).toEqual({ _id: id, name: 'x', seen: 2, created: 1 });
    const doc = await c.findOneAndUpdate({ k: 1 }, { $setOnInsert: { _id: 'k1' } }, { upsert: true, returnDocument: 'after' });
    expect(doc).toEqual({ _id: 'k1', k: 1 });
  });
});

describe('$set of null', () => {
  it('replaces a subdocument, an array or a value with null, and sets a null field to a document', async () => {
    const c = await fresh([{ _id: 1, location: { lat: 1, lng: 2 }, tags: ['a'], n: 3, empty: null }]);
    await c.updateOne({ _id: 1 }, { $set: { location: null, tags: null, n: null, empty: { a: 1 } } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, location: null, tags: null, n: null, empty: { a: 1 } });
    await c.updateOne({ _id: 1 }, { $set: { 'empty.a': null }, $unset: { location: '' } });
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, tags: null, n: null, empty: { a: null } });
  });
});

describe('int64 in filters', () => {
  it('matches equality, ranges, $in and $elemMatch with Long values', async () => {
    const c = await fresh([
      { _id: 1, n: 1, list: [1, 5] },
      { _id: 2, n: Long.fromNumber(2), list: [2] },
      { _id: 3, n: 3.5, list: [9] },
    ]);
    const ids = async (filter: object) => (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ n: Long.fromNumber(2) })).toEqual([2]);
    expect(await ids({ n: { $gte: Long.fromNumber(2) } })).toEqual([2, 3]);
    expect(await ids({ n: { $in: [Long.fromNumber(1), Long.fromNumber(3)] } })).toEqual([1]);
    expect(await ids({ list: { $elemMatch: { $gt: Long.fromNumber(4) } } })).toEqual([1, 3]);
    expect(await ids({ $or: [{ n: Long.fromNumber(1) }, { list: Long.fromNumber(9) }] })).toEqual([1, 3]);
    expect(await c.countDocuments({ n: { $lt: Long.fromNumber(3) } })).toBe(2);
    const [g] = await c.aggregate([{ $match: { n: { $lte: Long.fromNumber(2) } } }, { $count: 'k' }]).toArray();
    expect(g.k).toBe(2);
    await c.updateMany({ n: { $gt: Long.fromNumber(0) } }, { $set: { big: Long.fromNumber(7) } });
    expect(await ids({ big: 7 })).toEqual([1, 2, 3]);
    expect((await c.deleteMany({ n: Long.fromNumber(2) })).deletedCount).toBe(1);
  });
});

describe('update paths', () => {
  it('applies several fields of one positional element, and $[] beside other fields', async () => {
    const c = await fresh([
      {
        _id: 1,
        top: 0,
        children: [
          { name: 'a', n: 0 },
          { name: 'b', n: 0 },
        ],
      },
    ]);
    await c.updateOne({ _id: 1, 'children.name': 'b' }, { $set: { 'children.$.name': 'x', 'children.$.n': 1 } });
    await c.updateOne({ _id: 1 }, { $inc: { 'children.$[].n': 10 }, $set: { top: 1 } });
    expect(await c.findOne({ _id: 1 })).toEqual({
      _id: 1,
      top: 1,
      children: [
        { name: 'a', n: 10 },
        { name: 'x', n: 11 },
      ],
    });
    await c.updateOne({ _id: 1 }, { $set: { 'children.$[c].done': true } }, { arrayFilters: [{ 'c.n': { $gt: 10 } }] });
    expect((await c.findOne({ _id: 1 }))!.children).toEqual([
      { name: 'a', n: 10 },
      { name: 'x', n: 11, done: true },
    ]);
    expect((await rejection(c.updateOne({ _id: 1 }, { $set: { 'children.$': 1 } }))).code).toBe(2);
    expect((await rejection(c.updateOne({ _id: 1 }, { $set: { children: [], 'children.0': 1 } }))).code).toBe(40);
  });

  it('pulls array elements matching an $or condition, a value condition or a value', async () => {
    const c = await fresh([
      {
        _id: 1,
        items: [
          { k: 'a', q: 1 },
          { k: 'b', q: 5 },
          { k: 'c', q: 9 },
        ],
        nums: [1, 5, 9, 5],
      },
    ]);
    await c.updateOne({ _id: 1 }, { $pull: { items: { $or: [{ k: 'a' }, { q: { $gt: 8 } }] } } } as never);
    await c.updateOne({ _id: 1 }, { $pull: { nums: { $gte: 9 } } } as never);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, items: [{ k: 'b', q: 5 }], nums: [1, 5, 5] });
    await c.updateOne({ _id: 1 }, { $pull: { nums: 5, items: { k: 'b' } } } as never);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, items: [], nums: [1] });
  });

  it('refuses $push onto a non-array and a field path through an array', async () => {
    const c = await fresh([{ _id: 1, n: 5, comments: [{ body: 'x' }] }]);
    const push = await rejection(c.updateOne({ _id: 1 }, { $push: { n: 6 } } as never));
    expect(push.code).toBe(2);
    expect(push.message).toMatch(/must be an array/);
    expect((await rejection(c.updateOne({ _id: 1 }, { $set: { 'comments.body': 'y' } }))).code).toBe(28);
    expect((await rejection(c.updateOne({ _id: 1 }, { $set: { 'n.x': 1 } }))).code).toBe(28);
    expect((await rejection(c.updateOne({ _id: 1 }, { $addToSet: { n: 1 } }))).code).toBe(2);
    expect((await rejection(c.updateOne({ _id: 1 }, { $pop: { n: 1 } }))).code).toBe(14);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, n: 5, comments: [{ body: 'x' }] });
    await c.updateOne({ _id: 1 }, { $set: { 'comments.0.body': 'y', 'comments.2': 'z' } });
    expect((await c.findOne({ _id: 1 }))!.comments).toEqual([{ body: 'y' }, null, 'z']);
  });

  it('pushes with $each, $position, $sort and $slice', async () => {
    const c = await fresh([{ _id: 1, a: [3, 1] }]);
    await c.updateOne({ _id: 1 }, { $push: { a: { $each: [2, 7], $position: 0 } } } as never);
    expect((await c.findOne({ _id: 1 }))!.a).toEqual([2, 7, 3, 1]);
    await c.updateOne({ _id: 1 }, { $push: { a: { $each: [5], $sort: -1, $slice: 3 } } } as never);
    expect((await c.findOne({ _id: 1 }))!.a).toEqual([7, 5, 3]);
    await c.updateOne({ _id: 1 }, { $push: { s: { $each: [{ v: 2 }, { v: 1 }], $sort: { v: 1 } } } } as never);
    expect((await c.findOne({ _id: 1 }))!.s).toEqual([{ v: 1 }, { v: 2 }]);
  });
});

describe('projections', () => {
  const doc = { _id: 1, name: 'n', arr: [1, 2, 3, 4], ids: [2, 6, 8], tags: ['a', 'b', 'c'], other: { x: 1 } };

  it('$slice keeps every other field and combines with exclusions', async () => {
    const c = await fresh([doc]);
    expect(await c.findOne({ _id: 1 }, { projection: { arr: { $slice: 1 } } })).toEqual({ ...doc, arr: [1] });
    expect(await c.findOne({ _id: 1 }, { projection: { arr: { $slice: -2 }, ids: 0, other: 0 } })).toEqual({
      _id: 1,
      name: 'n',
      arr: [3, 4],
      tags: ['a', 'b', 'c'],
    });
    expect(await c.findOne({ _id: 1 }, { projection: { name: 1, arr: { $slice: [1, 2] } } })).toEqual({ _id: 1, name: 'n', arr: [2, 3] });
  });

  it('$elemMatch projects the first element matching operators or a document query', async () => {
    const c = await fresh([doc, { _id: 2, items: [{ k: 'a' }, { k: 'b', v: 1 }] }]);
    expect(await c.findOne({ _id: 1 }, { projection: { ids: { $elemMatch: { $gte: 5 } } } })).toEqual({ _id: 1, ids: [6] });
    expect(await c.findOne({ _id: 1 }, { projection: { name: 1, ids: { $elemMatch: { $gt: 100 } } } })).toEqual({ _id: 1, name: 'n' });
    expect(await c.findOne({ _id: 2 }, { projection: { items: { $elemMatch: { k: 'b' } } } })).toEqual({ _id: 2, items: [{ k: 'b', v: 1 }] });
  });

  it('$elemMatch makes an inclusion (its field after the included ones) unless a $slice is present', async () => {
    const c = await fresh([doc]);
    // Field order is data: compare the keys as they come.
    const keys = async (projection: Record<string, unknown>) => Object.keys((await c.findOne({ _id: 1 }, { projection }))!);
    expect(await keys({ ids: { $elemMatch: { $gt: 5 } } })).toEqual(['_id', 'ids']);
    expect(await keys({ ids: { $elemMatch: { $gt: 5 } }, name: 1 })).toEqual(['_id', 'name', 'ids']);
    expect(await keys({ ids: { $elemMatch: { $gt: 5 } }, arr: { $slice: 1 } })).toEqual(['_id', 'name', 'arr', 'ids', 'tags', 'other']);
    expect(await c.findOneAndUpdate({ _id: 1 }, { $set: { seen: true } }, { projection: { ids: { $elemMatch: { $gt: 5 } } } })).toEqual({
      _id: 1,
      ids: [6],
    });
    expect((await rejection(c.findOne({ _id: 1 }, { projection: { ids: { $elemMatch: { $gt: 5 } }, name: 0 } }))).code).toBe(31254);
  });

  it('the positional projection returns the first matching element', async () => {
    const c = await fresh([doc]);
    expect(await c.findOne({ tags: 'b' }, { projection: { 'tags.$': 1 } })).toEqual({ _id: 1, tags: ['b'] });
    expect(await c.findOne({ _id: 1, ids: { $gt: 5 } }, { projection: { name: 1, 'ids.$': 1 } })).toEqual({ _id: 1, name: 'n', ids: [6] });
  });

  it('$project keeps included fields in document order, then computed ones', async () => {
    const c = await fresh([{ _id: 1, people: ['a', 'b'], name: 'x', meta: { a: 1, b: 2 } }]);
    const [a] = await c.aggregate([{ $project: { _id: 0, n: { $size: '$people' }, name: 1 } }]).toArray();
    expect(Object.entries(a)).toEqual([
      ['name', 'x'],
      ['n', 2],
    ]);
    const [b] = await c.aggregate([{ $project: { 'meta.b': 1, 'meta.c': { $literal: 3 }, people: 1 } }]).toArray();
    expect(JSON.stringify(b)).toBe(JSON.stringify({ _id: 1, people: ['a', 'b'], meta: { b: 2, c: 3 } }));
    const found = await c.findOne({ _id: 1 }, { projection: { total: { $size: '$people' }, name: 1 } });
    expect(JSON.stringify(found)).toBe(JSON.stringify({ _id: 1, name: 'x', total: 2 }));
    expect((await rejection(c.findOne({}, { projection: { name: 1, people: 0 } }))).code).toBe(31254);
  });
});

describe('query operators', () => {
  it('$all matches a non-array field holding the value', async () => {
    const c = await fresh([
      { _id: 1, visitors: 4 },
      { _id: 2, visitors: [4, 5] },
      { _id: 3, visitors: 5 },
    ]);
    const ids = async (filter: object) => (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ visitors: { $all: [4] } })).toEqual([1, 2]);
    expect(await ids({ visitors: { $all: [4, 5] } })).toEqual([2]);
    expect(await ids({ visitors: { $all: [] } })).toEqual([]);
  });
});

describe('field names', () => {
  // JSON.parse makes an own `__proto__` key, as a BSON document read from the wire can hold.
  const proto = (json: string) => JSON.parse(json) as object;

  it('keeps an own __proto__ key through $set as insert does', async () => {
    const c = await fresh([{ _id: 1, inserted: proto('{"__proto__": {"x": 1}, "a": 1}') }]);
    await c.updateOne({ _id: 1 }, { $set: { updated: proto('{"__proto__": 2, "b": 2}') } });
    const doc = await c.findOne({ _id: 1 });
    expect(Object.keys(doc!.inserted)).toEqual(['__proto__', 'a']);
    expect(Object.keys(doc!.updated)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(doc!.updated, '__proto__')!.value).toBe(2);
  });
});

describe('$-prefixed field names', () => {
  it('stores DBRef-like values set by an upsert and matches them with $elemMatch', async () => {
    const c = await fresh();
    await c.updateOne({ _id: 1 }, { $set: { refs: [{ $ref: 'users', $id: 7 }], one: { $ref: 'users', $id: 8 } } }, { upsert: true });
    await c.insertOne({ _id: 2, refs: [{ $ref: 'users', $id: 9 }] } as never);
    // The driver reads {$ref, $id} documents as DBRef objects.
    const ref = (id: number) => new DBRef('users', id as never);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, refs: [ref(7)], one: ref(8) });
    const ids = async (filter: object) => (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ refs: { $elemMatch: { $id: 9 } } })).toEqual([2]);
    expect(await ids({ refs: { $elemMatch: { $ref: 'users', $id: { $lt: 9 } } } })).toEqual([1]);
    expect(await ids({ 'one.$id': 8 })).toEqual([1]);
  });

  it('refuses $-prefixed field names inside _id', async () => {
    const c = await fresh();
    const err = await rejection(c.insertOne({ _id: { $a: 1 } } as never));
    expect(err.message).toMatch(/\$a/);
    expect(await c.countDocuments()).toBe(0);
  });
});

describe('limits and pipeline updates', () => {
  it('refuses documents over 16 MiB on insert and update (10334)', async () => {
    const c = await fresh([{ _id: 1, s: 'x' }]);
    const big = 'x'.repeat(16 * 1024 * 1024);
    const insert = await rejection(c.insertOne({ _id: 2, s: big } as never));
    expect(insert.code).toBe(10334);
    const half = 'y'.repeat(9 * 1024 * 1024);
    await c.updateOne({ _id: 1 }, { $set: { a: half } });
    const update = await rejection(c.updateOne({ _id: 1 }, { $set: { b: half } }));
    expect([10334, 17419]).toContain(update.code);
    expect(await c.countDocuments()).toBe(1);
    expect(Object.keys((await c.findOne({ _id: 1 }))!)).toEqual(['_id', 's', 'a']);
  });

  it('keeps _id when a pipeline update replaces the root without it', async () => {
    const c = await fresh([{ _id: 1, inner: { a: 1 } }]);
    await c.updateOne({ _id: 1 }, [{ $replaceRoot: { newRoot: '$inner' } }]);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 1 });
    await c.updateOne({ _id: 1 }, [{ $project: { _id: 0, a: 1, b: { $literal: 2 } } }]);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 1, b: 2 });
    expect((await rejection(c.updateOne({ _id: 1 }, [{ $set: { _id: 2 } }]))).code).toBe(66);
  });

  it('uses let variables in update, delete, find, aggregate and findAndModify', async () => {
    const c = await fresh([
      { _id: 1, a: 1 },
      { _id: 2, a: 2 },
      { _id: 3, a: 3 },
    ]);
    const at = { $expr: { $eq: ['$a', '$$target'] } };
    await c.updateOne(at, [{ $set: { b: '$$value' } }], { let: { target: 2, value: 'two' } });
    expect(await c.findOne({ _id: 2 })).toEqual({ _id: 2, a: 2, b: 'two' });
    expect((await c.find(at, { let: { target: 3 } }).toArray()).map((d) => d._id)).toEqual([3]);
    const [agg] = await c.aggregate([{ $match: at }, { $project: { _id: 1, x: '$$value' } }], { let: { target: 1, value: 'v' } }).toArray();
    expect(agg).toEqual({ _id: 1, x: 'v' });
    const after = await c.findOneAndUpdate(at, [{ $set: { c: '$$target' } }], { let: { target: 1 }, returnDocument: 'after' });
    expect(after).toEqual({ _id: 1, a: 1, c: 1 });
    expect((await c.deleteOne(at, { let: { target: 3 } })).deletedCount).toBe(1);
    expect(await c.countDocuments()).toBe(2);
  });
});

describe('serverStatus', () => {
  it('answers the fields tools read', async () => {
    const status = await t.client.db('admin').command({ serverStatus: 1 });
    expect(status.ok).toBe(1);
    expect(typeof status.version).toBe('string');
    expect(Number(status.uptime)).toBeGreaterThanOrEqual(0);
    expect(Number(status.connections.current)).toBeGreaterThan(0);
    expect(Number(status.connections.available)).toBeGreaterThan(0);
    expect(Number(status.mem.resident)).toBeGreaterThanOrEqual(0);
    for (const k of ['insert', 'query', 'update', 'delete', 'getmore', 'command']) expect(Number(status.opcounters[k])).toBeGreaterThanOrEqual(0);
    expect(Number(status.opcounters.insert)).toBeGreaterThan(0);
  });
});

describe('binary data', () => {
  it('a $set that changes only the subtype is a change', async () => {
    const c = await fresh([{ _id: 1, b: new Binary(Buffer.from([1, 2]), 0) }]);
    const r = await c.updateOne({ _id: 1 }, { $set: { b: new Binary(Buffer.from([1, 2]), 5) } });
    expect(r.modifiedCount).toBe(1);
    expect((await c.findOne({ _id: 1 }))!.b.sub_type).toBe(5);
  });

  it('bit test operators read BinData', async () => {
    const c = await fresh([
      { _id: 1, b: new Binary(Buffer.from([0b0000_0101, 0b1000_0000])) },
      { _id: 2, b: new Binary(Buffer.from([0b0000_0001])) },
      { _id: 3, b: 5 },
    ]);
    const ids = async (filter: object) => (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ b: { $bitsAllSet: [0, 2] } })).toEqual([1, 3]);
    expect(await ids({ b: { $bitsAllSet: [0, 15] } })).toEqual([1]);
    expect(await ids({ b: { $bitsAnySet: new Binary(Buffer.from([0b100])) } })).toEqual([1, 3]);
    expect(await ids({ b: { $bitsAllClear: 4 } })).toEqual([2]);
    expect(await ids({ b: { $bitsAnyClear: [0, 2] } })).toEqual([2]);
  });
});

describe('change streams under concurrent writes', () => {
  it('sees every write acknowledged after the stream opened, and resumes exactly after any token', async () => {
    const c = await fresh();
    await c.insertOne({ _id: 'seed' } as never);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 30; i++) writes.push(c.insertOne({ _id: i } as never));
    // Opened while those inserts are in flight.
    const stream = c.watch([], { maxAwaitTimeMS: 100 });
    expect(await stream.tryNext()).toBeNull();
    for (let i = 30; i < 60; i++) writes.push(c.insertOne({ _id: i } as never));
    await Promise.all(writes);
    // Inserts acknowledged before the stream opened may or may not be in it; the later ones must all be.
    const seen: { id: number; token: unknown }[] = [];
    const later = () => seen.filter((e) => e.id >= 30).length;
    while (later() < 30) {
      const event = (await stream.tryNext()) as { documentKey: { _id: number }; _id: unknown } | null;
      if (event) seen.push({ id: event.documentKey._id, token: event._id });
    }
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Concurrent inserts commit in any order; each is seen once.
    expect(ids.filter((id) => id >= 30).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => 30 + i));
    expect(ids).not.toContain('seed');
    await stream.close();
    const k = Math.floor(seen.length / 2);
    const resumed = c.watch([], { resumeAfter: seen[k].token, maxAwaitTimeMS: 100 });
    const rest: number[] = [];
    while (rest.length < seen.length - k - 1) {
      const event = (await resumed.tryNext()) as { documentKey: { _id: number } } | null;
      if (event) rest.push(event.documentKey._id);
    }
    expect(rest).toEqual(ids.slice(k + 1));
    await resumed.close();
  });
});

describe('doubles with an integral value', () => {
  it('stay doubles through storage, updates, filters and reshaping aggregations', async () => {
    const raw = await t.connect({ promoteValues: false });
    const c = await fresh();
    const rc = raw.db(t.dbName).collection<Loose>(c.collectionName);
    await c.insertOne({ _id: 1, d: new Double(5), i: 5, list: [new Double(1), 2] } as never);
    const typeOf = (v: unknown) => (v as { _bsontype?: string })._bsontype;
    const stored = (await rc.findOne({ _id: 1 }))!;
    expect([typeOf(stored.d), typeOf(stored.i), typeOf(stored.list[0]), typeOf(stored.list[1])]).toEqual(['Double', 'Int32', 'Double', 'Int32']);
    const ids = async (filter: object) => (await c.find(filter).toArray()).map((d) => d._id);
    expect(await ids({ d: { $type: 'double' } })).toEqual([1]);
    expect(await ids({ i: { $type: 'double' } })).toEqual([]);
    expect(await ids({ d: 5, i: new Double(5) })).toEqual([1]);
    await c.updateOne({ _id: 1 }, { $inc: { d: 1, i: 1 } });
    const updated = (await rc.findOne({ _id: 1 }))!;
    expect([typeOf(updated.d), updated.d.valueOf(), typeOf(updated.i)]).toEqual(['Double', 6, 'Int32']);
    // A change of type only is a change.
    expect((await c.updateOne({ _id: 1 }, { $set: { i: new Double(6) } })).modifiedCount).toBe(1);
    expect(await ids({ i: { $type: 'double' } })).toEqual([1]);
    const [agg] = await rc.aggregate([{ $match: { _id: 1 } }, { $set: { e: 1 } }]).toArray();
    expect([typeOf(agg.d), typeOf(agg.list[0])]).toEqual(['Double', 'Double']);
  });

  it('are computed as MongoDB computes them in aggregation: any double makes a double, $divide/$avg/$toDouble always do', async () => {
    const raw = await t.connect({ promoteValues: false });
    const c = await fresh();
    const rc = raw.db(t.dbName).collection<Loose>(c.collectionName);
    await c.insertMany([
      { _id: 1, d: new Double(5), i: 4, big: 2_000_000_000, g: 'a' },
      { _id: 2, d: new Double(7), i: 6, big: 2_000_000_000, g: 'a' },
    ] as never[]);
    const typed = (v: unknown) => [(v as { _bsontype?: string })._bsontype, (v as { valueOf(): unknown }).valueOf()];
    const [p] = await rc
      .aggregate([
        { $match: { _id: 1 } },
        {
          $project: {
            mul: { $multiply: ['$d', 1] },
            add: { $add: ['$d', '$i'] },
            sub: { $subtract: ['$d', 1] },
            ints: { $add: ['$i', 1] },
            overflow: { $add: ['$big', '$big'] },
            div: { $divide: ['$i', 2] },
            toDouble: { $toDouble: '$i' },
            nested: { x: { $multiply: [{ $add: ['$d', 1] }, 2] } },
          },
        },
      ])
      .toArray();
    expect(typed(p.mul)).toEqual(['Double', 5]);
    expect(typed(p.add)).toEqual(['Double', 9]);
    expect(typed(p.sub)).toEqual(['Double', 4]);
    expect(typed(p.ints)).toEqual(['Int32', 5]);
    expect(typed(p.overflow)).toEqual(['Long', Long.fromNumber(4_000_000_000).valueOf()]);
    expect(typed(p.div)).toEqual(['Double', 2]);
    expect(typed(p.toDouble)).toEqual(['Double', 4]);
    expect(typed(p.nested.x)).toEqual(['Double', 12]);
    const [g] = await rc
      .aggregate([
        { $group: { _id: '$g', sumD: { $sum: '$d' }, sumI: { $sum: '$i' }, avgI: { $avg: '$i' }, maxD: { $max: '$d' }, n: { $sum: 1 } } },
        { $addFields: { twice: { $multiply: ['$sumD', 2] } } },
      ])
      .toArray();
    expect([typed(g.sumD), typed(g.sumI), typed(g.avgI), typed(g.maxD), typed(g.n), typed(g.twice)]).toEqual([
      ['Double', 12],
      ['Int32', 10],
      ['Double', 5],
      ['Double', 7],
      ['Int32', 2],
      ['Double', 24],
    ]);
    // The types the server reports agree: $type in an expression, and a $match on the computed field.
    const types = await c
      .aggregate([{ $match: { _id: 1 } }, { $project: { t: { $type: { $multiply: ['$d', 1] } }, ti: { $type: '$i' } } }])
      .toArray();
    expect(types).toEqual([{ _id: 1, t: 'double', ti: 'int' }]);
    const matched = await c
      .aggregate([{ $set: { m: { $multiply: ['$d', 1] } } }, { $match: { m: { $type: 'double' } } }, { $project: { _id: 1 } }])
      .toArray();
    expect(matched).toEqual([{ _id: 1 }, { _id: 2 }]);
  });
});

describe('aggregation expressions', () => {
  it('$switch without a matching branch or a default fails (40066), and 0.0, "" and [] have MongoDB truthiness', async () => {
    const c = await fresh([{ _id: 1, zero: new Double(0), empty: '', list: [] }]);
    const err = await rejection(c.aggregate([{ $project: { x: { $switch: { branches: [{ case: false, then: 1 }] } } } }]).toArray());
    expect(err.code).toBe(40066);
    const [p] = await c
      .aggregate([
        {
          $project: {
            zero: { $cond: ['$zero', 1, 0] },
            empty: { $cond: ['$empty', 1, 0] },
            list: { $cond: ['$list', 1, 0] },
            missing: { $cond: ['$missing', 1, 0] },
            not: { $not: ['$zero'] },
            and: { $and: ['$empty', '$list'] },
            or: { $or: ['$zero', null] },
          },
        },
      ])
      .toArray();
    expect(p).toEqual({ _id: 1, zero: 0, empty: 1, list: 1, missing: 0, not: true, and: true, or: false });
  });
});
