import { Long, ObjectId, type Collection } from 'mongodb';
import { rejection, startTarget, type Target } from './harness';

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
const fresh = async (docs: object[] = []): Promise<Collection<any>> => {
  const c = t.db.collection<any>(`c${++n}`);
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
