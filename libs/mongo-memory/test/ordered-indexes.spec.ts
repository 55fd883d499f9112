import { Decimal128, Double, Long, type Collection, type Document, type Filter, type Sort } from 'mongodb';
import { Engine } from '../src/engine';
import { startTarget, type Target } from './harness';

/**
 * Ranges and sorts answered through an ordered index give what the same query gives without one
 * (#15): one collection with the indexes, one without, the same documents inserted in the same
 * order. In process the answers must be identical, ties included (ties keep natural order on both
 * paths); a real server orders ties as it likes, so there only the sort fields are compared.
 */
let t: Target;
/** Test collections use numbers as _id. */
type Coll = Collection<any>;
beforeAll(async () => {
  t = await startTarget('ordered');
});
afterAll(() => t.close());

async function pair(name: string, docs: Document[], indexes: Document[]): Promise<[Coll, Coll]> {
  const made: Coll[] = [];
  for (const suffix of ['plain', 'indexed']) {
    const c: Coll = t.db.collection(`${name}_${suffix}`);
    await c.drop().catch(() => undefined);
    await c.insertMany(docs.map((d) => ({ ...d })));
    made.push(c);
  }
  for (const key of indexes) await made[1].createIndex(key);
  return made as [Coll, Coll];
}

type Case = { filter: Filter<Document>; sort?: Sort; skip?: number; limit?: number };

/** Runs every case on both collections and compares; `fields` are the ones a real server's tie order cannot change. */
async function same([plain, indexed]: [Coll, Coll], cases: Case[], fields: string[]): Promise<number> {
  let nonEmpty = 0;
  for (const { filter, sort, skip, limit } of cases) {
    const run = (c: Coll) => c.find(filter, { sort, skip, limit }).toArray();
    const [expected, actual] = [await run(plain), await run(indexed)];
    const label = JSON.stringify({ filter, sort, skip, limit });
    const view = (docs: Document[]) => docs.map((d) => fields.map((f) => d[f] ?? null));
    expect([label, view(actual)]).toEqual([label, view(expected)]);
    if (t.inProcess || !sort) {
      const ids = (docs: Document[]) => docs.map((d) => d._id);
      expect([label, sort ? ids(actual) : ids(actual).sort()]).toEqual([label, sort ? ids(expected) : ids(expected).sort()]);
    }
    if (expected.length) nonEmpty++;
  }
  return nonEmpty;
}

const shapes = (filters: Filter<Document>[], sorts: (Sort | undefined)[]): Case[] =>
  filters.flatMap((filter) =>
    sorts.flatMap((sort) =>
      [
        [0, 0],
        [0, 5],
        [3, 4],
        [0, 1],
      ].map(([skip, limit]) => ({ filter, sort, skip, limit })),
    ),
  );

/** Mixed types, duplicates, null and missing, arrays (whose smallest and largest elements are unique values). */
const MIXED: Document[] = [
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 3, 5, 5, 8, 0].map((v, i) => ({ v, w: i % 2 ? 'x' : 'y' })),
  { v: new Double(2) },
  { v: Long.fromNumber(7) },
  { v: Decimal128.fromString('2.5') },
  { v: 4.5, w: 'x' },
  { v: 'a' },
  { v: 'b', w: 'x' },
  { v: 'm' },
  { v: 'z' },
  { v: 'b' },
  { v: null },
  { w: 'x' },
  {},
  { v: null, w: 'y' },
  { v: { x: 1 } },
  { v: { x: 0, y: 1 } },
  { v: [-1, 11], w: 'x' },
  { v: [3.25, 'c'] },
  { v: [6.5] },
  { v: [] },
  { v: true },
  { v: false, w: 'x' },
  { v: new Date('2020-01-01') },
  { v: new Date('1999-01-01') },
].map((d, i) => ({ _id: i, ...d }));

const FILTERS: Filter<Document>[] = [
  {},
  { v: { $gte: 2, $lt: 8 } },
  { v: { $gt: 5 } },
  { v: { $lte: 'm' } },
  { v: { $gte: 'b' } },
  { v: { $gt: 1, $lt: 3 } },
  { $and: [{ v: { $gte: 2 } }, { v: { $lt: 6 } }] },
  { v: { $gte: null } },
  { v: { $lt: null } },
  { v: null },
  { v: 5 },
  { v: { $in: [3, 'b', null, 11] } },
  { v: { $gt: 2 }, w: 'x' },
  { v: { $gte: new Date('2000-01-01') } },
  { v: { $lt: { x: 1 } } },
  { v: { $gt: 9, $lt: 'a' } },
  { w: 'x' },
];

describe('ordered indexes answer as a scan does', () => {
  it('ranges and sorts on one field over mixed types, null, missing fields and arrays, both directions, with skip and limit', async () => {
    const colls = await pair('mixed', MIXED, [{ v: 1 }]);
    const nonEmpty = await same(colls, shapes(FILTERS, [undefined, { v: 1 }, { v: -1 }]), ['v']);
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it('a descending index serves ranges and both sort directions', async () => {
    const colls = await pair('desc', MIXED, [{ v: -1 }]);
    await same(colls, shapes(FILTERS, [{ v: 1 }, { v: -1 }]), ['v']);
  });

  it('compound indexes: their fields in order with per-field direction, and sorts on a prefix', async () => {
    const docs: Document[] = [];
    for (let i = 0; i < 120; i++) docs.push({ _id: i, a: i % 7 === 3 ? undefined : (i * 5) % 11, b: i % 4 === 0 ? `s${i % 3}` : i % 5 });
    docs.push({ _id: 200, a: [1, 20], b: 'array' }, { _id: 201, b: 9 }, { _id: 202, a: 'text', b: null });
    const colls = await pair('compound', docs, [{ a: 1, b: -1 }]);
    const filters: Filter<Document>[] = [
      {},
      { a: { $gte: 3, $lte: 8 } },
      { a: 4 },
      { a: { $in: [2, 9] }, b: { $gt: 1 } },
      { a: { $lt: 5 }, b: 's1' },
      { b: 2 },
    ];
    const sorts: Sort[] = [{ a: 1, b: -1 }, { a: -1, b: 1 }, { a: 1 }, { a: -1 }];
    const nonEmpty = await same(colls, shapes(filters, sorts), ['a', 'b']);
    expect(nonEmpty).toBeGreaterThan(50);
  });

  it('multikey sorts use each array’s smallest element ascending and largest descending, also when a range is on the same field', async () => {
    const docs = [[5, 1], [3], [9, 4], [0, 12], 7, [2, 8], [], 6, [10, 11]].map((v, i) => ({ _id: i, v }));
    const colls = await pair('multikey', docs, [{ v: 1 }]);
    const filters: Filter<Document>[] = [{}, { v: { $gte: 4 } }, { v: { $gt: 2, $lt: 4 } }, { v: { $lte: 6 } }, { v: { $in: [1, 11] } }];
    await same(colls, shapes(filters, [{ v: 1 }, { v: -1 }]), ['_id']);
  });

  it('arrays in arrays, sparse and partial indexes are left to the scan and still answer the same', async () => {
    const docs = [{ v: [[4], 1] }, { v: [[9]] }, { v: 4 }, { v: 9 }, {}, { v: null }, { v: 'q' }].map((d, i) => ({ _id: i, ...d }));
    for (const [name, index] of [
      ['nested', { v: 1 }],
      ['sparse', { v: -1 }],
    ] as const) {
      const colls = await pair(name, docs, []);
      await colls[1].createIndex(index, name === 'sparse' ? { sparse: true } : {});
      await same(colls, shapes([{}, { v: { $gt: 3 } }, { v: { $lte: 4 } }, { v: null }], [undefined, { v: 1 }, { v: -1 }]), ['_id']);
    }
    const colls = await pair('partial', docs, []);
    await colls[1].createIndex({ v: 1 }, { partialFilterExpression: { v: { $gt: 5 } } });
    await same(colls, shapes([{}, { v: { $gt: 6 } }], [{ v: 1 }, { v: -1 }]), ['_id']);
  });

  it('aggregate heads ($match, $sort, $skip, $limit) and findOneAndUpdate with a sort', async () => {
    const [plain, indexed] = await pair('heads', MIXED, [{ v: 1 }]);
    for (const filter of [{}, { v: { $gte: 2, $lt: 8 } }, { v: { $lte: 'm' } }]) {
      for (const sort of [{ v: 1 }, { v: -1 }] as const) {
        const pipeline = [{ $match: filter }, { $sort: sort }, { $skip: 2 }, { $limit: 5 }, { $project: { v: 1 } }];
        const [expected, actual] = [await plain.aggregate(pipeline).toArray(), await indexed.aggregate(pipeline).toArray()];
        expect(actual.map((d) => d.v ?? null)).toEqual(expected.map((d) => d.v ?? null));
        if (t.inProcess) expect(actual).toEqual(expected);
        const update = { $set: { picked: true } };
        const [a, b] = [await plain.findOneAndUpdate(filter, update, { sort }), await indexed.findOneAndUpdate(filter, update, { sort })];
        expect(b?.v ?? null).toEqual(a?.v ?? null);
        if (t.inProcess) expect(b?._id).toEqual(a?._id);
      }
    }
  });

  it('stays right through updates and deletes', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => ({ _id: i, v: (i * 7) % 13 }));
    const colls = await pair('churn', docs, [{ v: 1 }]);
    for (const c of colls) {
      await c.updateMany({ v: { $gte: 10 } }, { $set: { v: 'ten+' } });
      await c.updateMany({ _id: { $lt: 10 }, v: { $type: 'number' } }, { $inc: { v: 100 } });
      await c.deleteMany({ v: { $in: [3, 4] } });
      await c.updateOne({ _id: 30 }, { $set: { v: [1, 200] } });
      await c.insertOne({ _id: 99, v: 5 });
    }
    await same(colls, shapes([{}, { v: { $gte: 5, $lt: 150 } }, { v: { $type: 'string' } }], [undefined, { v: 1 }, { v: -1 }]), ['v']);
  });
});

/** Whether the index is used, counted without timing: the documents the collection read to answer (Collection.examined). */
describe('ordered index plans read only what they need', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = new Engine('rs0');
    const docs = Array.from({ length: 10_000 }, (_, i) => ({ _id: i, year: 1800 + ((i * 7919) % 200), tags: [i % 100, 1000 + (i % 37)] }));
    await engine.run({ insert: 'c', documents: docs, $db: 'e' }, 1);
  });
  afterAll(() => engine.close());

  const coll = () => engine.storage.collection('e', 'c')!;
  /** The ids a find answers and how many documents it read. */
  async function examined(cmd: Document): Promise<{ ids: number[]; examined: number }> {
    const before = coll().examined;
    const reply = await engine.run({ find: 'c', ...cmd, $db: 'e' }, 1);
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    return { ids: reply.cursor.firstBatch.map((d: Document) => d._id), examined: coll().examined - before };
  }
  const index = (key: Document) => engine.run({ createIndexes: 'c', indexes: [{ key, name: Object.keys(key).join('_') }], $db: 'e' }, 1);
  const drop = (name: string) => engine.run({ dropIndexes: 'c', index: name, $db: 'e' }, 1);

  it('the issue’s range with a sort and a limit reads the limit, not the collection', async () => {
    const query = { filter: { year: { $gte: 1900, $lt: 1950 } }, sort: { year: 1 }, limit: 20 };
    const scanned = await examined(query);
    expect(scanned.examined).toBe(10_000);
    await index({ year: 1 });
    const walked = await examined(query);
    expect(walked.examined).toBe(20);
    expect(walked.ids).toEqual(scanned.ids);
    expect((await examined({ ...query, sort: { year: -1 }, skip: 5 })).examined).toBe(25);
    // The rest of the filter is applied to each document met on the way.
    expect((await examined({ ...query, filter: { ...query.filter, _id: { $mod: [2, 0] } } })).examined).toBeLessThan(100);
    // A sort on the index without a range walks from the start.
    expect((await examined({ filter: {}, sort: { year: -1 }, limit: 3 })).examined).toBe(3);
    await drop('year');
  });

  it('an _id equality reads one document, whatever the numeric type it is given in (the server’s IDHACK plan)', async () => {
    expect(await examined({ filter: { _id: 42 } })).toEqual({ ids: [42], examined: 1 });
    expect(await examined({ filter: { _id: new Double(42) } })).toEqual({ ids: [42], examined: 1 });
    expect(await examined({ filter: { _id: 42n }, projection: { _id: 1 } })).toEqual({ ids: [42], examined: 1 });
    expect(await examined({ filter: { _id: 'nope' } })).toEqual({ ids: [], examined: 0 });
    // An operator is a filter: planned as one.
    expect((await examined({ filter: { _id: { $in: [1, 2] } } })).ids).toEqual([1, 2]);
  });

  it('a range without a sort reads the documents in range; an equality on the leading field of a compound index too', async () => {
    await index({ year: -1, _id: 1 });
    const range = await examined({ filter: { year: { $gt: 1990 } } });
    expect(range.examined).toBe(450);
    expect(range.ids).toEqual([...range.ids].sort((a, b) => a - b)); // natural order, as a scan gives
    expect((await examined({ filter: { year: 1850 } })).examined).toBe(50);
    expect((await examined({ filter: { year: { $in: [1850, 1851, 'x'] } } })).examined).toBe(100);
    expect((await examined({ filter: { year: { $gt: 'a' } } })).examined).toBe(0);
    await drop('year__id');
  });

  it('aggregate heads and findAndModify with a sort walk the index too', async () => {
    await index({ year: 1 });
    const before = coll().examined;
    const reply = await engine.run(
      { aggregate: 'c', pipeline: [{ $match: { year: { $lt: 1900 } } }, { $sort: { year: -1 } }, { $skip: 3 }, { $limit: 4 }], cursor: {}, $db: 'e' },
      1,
    );
    expect(reply.cursor.firstBatch.map((d: Document) => d.year)).toEqual([1899, 1899, 1899, 1899]);
    expect(coll().examined - before).toBe(7);
    const found = await engine.run(
      { findAndModify: 'c', query: { year: { $gte: 1990 } }, sort: { year: 1 }, update: { $inc: { hits: 1 } }, $db: 'e' },
      1,
    );
    expect(found.value.year).toBe(1990);
    expect(coll().examined - before).toBe(8);
    await drop('year');
  });

  it('a multikey index serves sorts (walking all of it) and ranges', async () => {
    await index({ tags: 1 });
    expect((await examined({ filter: { tags: { $gte: 1036 } }, sort: { tags: -1 }, limit: 5 })).examined).toBe(5);
    expect((await examined({ filter: { tags: { $gte: 1036 } } })).examined).toBe(270);
    const lowest = await examined({ filter: {}, sort: { tags: 1 }, limit: 150 });
    expect(lowest.examined).toBe(150);
    expect(lowest.ids.slice(0, 3)).toEqual([0, 100, 200]);
    await drop('tags');
  });
});
