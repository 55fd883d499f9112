import { Double, Long, type Collection, type Document, type MongoClient } from 'mongodb';
import { freshCollections, rejection, startTarget, type Target } from './harness';

/**
 * Issue #15: stages and operators this server implements itself, checked against the MongoDB
 * server's source (src/mongo/db/pipeline: document_source_graph_lookup.cpp, document_source_densify.cpp,
 * document_source_bucket_auto.cpp and granularity_rounder*.cpp, document_source_fill.cpp,
 * document_source_bucket.cpp, accumulator_multi.cpp, expression.cpp). Numbers are read with
 * `promoteValues: false`, so each shows its BSON type. Runs unchanged against a real server with
 * MONGODB_URI.
 */

let t: Target;
let raw: MongoClient;
beforeAll(async () => {
  t = await startTarget('semantics');
  raw = await t.connect({ promoteValues: false });
});
afterAll(() => t.close());

const fresh = freshCollections(
  's',
  () => t,
  () => raw,
);

/** [BSON type, value] of a number read without promotion. */
const typed = (v: unknown): [string | undefined, unknown] => {
  const x = v as { _bsontype?: string; valueOf(): unknown; toNumber?(): number };
  return [x._bsontype, x._bsontype === 'Long' ? x.toNumber!() : x.valueOf()];
};
const D = (v: number): [string, number] => ['Double', v];
const I = (v: number): [string, number] => ['Int32', v];
const L = (v: number): [string, number] => ['Long', v];
const num = (v: unknown) => typed(v)[1] as number;

/** The error code of an aggregation (read through the promoting client). */
const code = async (c: Collection<Document>, pipeline: Document[]) =>
  (await rejection(t.db.collection(c.collectionName).aggregate(pipeline).toArray())).code;

describe('$graphLookup depthField', () => {
  it('is an int64 set as the found document’s field, replacing a stored one in place', async () => {
    const c = await fresh([
      { _id: 1, name: 'a', depth: 'stored', boss: null },
      { _id: 2, name: 'b', depth: 'stored', boss: 'a' },
      { _id: 3, name: 'c', boss: 'b' },
    ]);
    const [a] = await c
      .aggregate([
        { $match: { _id: 1 } },
        {
          $graphLookup: {
            from: c.collectionName,
            startWith: '$name',
            connectFromField: 'name',
            connectToField: 'boss',
            as: 'reports',
            depthField: 'depth',
          },
        },
      ])
      .toArray();
    const reports = (a.reports as Document[]).sort((x, y) => num(x._id) - num(y._id));
    expect(reports.map((r) => typed(r.depth))).toEqual([L(0), L(1)]);
    expect(Object.keys(reports[0])).toEqual(['_id', 'name', 'depth', 'boss']);
    expect(Object.keys(reports[1])).toEqual(['_id', 'name', 'boss', 'depth']);
    expect(a.depth).toBe('stored');
  });
});

describe('$densify', () => {
  /** [partition, value] of each document, in a stable order. */
  const pairs = (docs: Document[]) =>
    docs.map((d) => [d.p ?? null, num(d.x)] as [string | null, number]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || a[1] - b[1]);

  it('explicit bounds fill every partition up to the (exclusive) upper bound, past its last document', async () => {
    const c = await fresh([
      { p: 'a', x: 0 },
      { p: 'a', x: 4 },
      { p: 'b', x: 1 },
    ]);
    const out = await c
      .aggregate([{ $densify: { field: 'x', partitionByFields: ['p'], range: { step: 2, bounds: [0, 8] } } }, { $project: { _id: 0 } }])
      .toArray();
    expect(pairs(out)).toEqual([
      ['a', 0],
      ['a', 2],
      ['a', 4],
      ['a', 6],
      ['b', 0],
      ['b', 1],
      ['b', 2],
      ['b', 4],
      ['b', 6],
    ]);
    // Generated documents hold the partition fields and the value only.
    expect(out.filter((d) => num(d.x) === 6).map((d) => Object.keys(d))).toEqual([
      ['p', 'x'],
      ['p', 'x'],
    ]);
  });

  it('explicit bounds without partitions: on the lower bound’s steps, upper bound excluded, documents outside passed on', async () => {
    const c = await fresh([{ x: 1 }, { x: -5 }, { x: 9 }]);
    const out = await c.aggregate([{ $densify: { field: 'x', range: { step: 2, bounds: [0, 6] } } }, { $project: { _id: 0 } }]).toArray();
    expect(out.map((d) => num(d.x))).toEqual([-5, 0, 1, 2, 4, 9]);
  });

  it('explicit bounds and no document with the field: the whole range, its lower bound even when equal to the upper', async () => {
    const c = t.db.collection((await fresh([{ other: 1 }])).collectionName);
    const out = await c.aggregate([{ $densify: { field: 'x', range: { step: 1, bounds: [0, 3] } } }, { $project: { _id: 0 } }]).toArray();
    expect(out).toEqual([{ other: 1 }, { x: 0 }, { x: 1 }, { x: 2 }]);
    const empty = await c.aggregate([{ $densify: { field: 'x', range: { step: 1, bounds: [5, 5] } } }, { $project: { _id: 0 } }]).toArray();
    expect(empty).toEqual([{ other: 1 }, { x: 5 }]);
  });

  it("'full' fills each partition over the range of all documents; 'partition' only between a partition's own", async () => {
    const docs = [
      { p: 'a', x: 1 },
      { p: 'b', x: 4 },
      { p: 'b', x: 6 },
    ];
    const c = await fresh(docs);
    const full = await c.aggregate([{ $densify: { field: 'x', partitionByFields: ['p'], range: { step: 1, bounds: 'full' } } }]).toArray();
    expect(pairs(full)).toEqual([
      ['a', 1],
      ['a', 2],
      ['a', 3],
      ['a', 4],
      ['a', 5],
      ['a', 6],
      ['b', 1],
      ['b', 2],
      ['b', 3],
      ['b', 4],
      ['b', 5],
      ['b', 6],
    ]);
    const partition = await c.aggregate([{ $densify: { field: 'x', partitionByFields: ['p'], range: { step: 1, bounds: 'partition' } } }]).toArray();
    expect(pairs(partition)).toEqual([
      ['a', 1],
      ['b', 4],
      ['b', 5],
      ['b', 6],
    ]);
  });

  it('a new value is the previous one plus the step, typed as $add types it', async () => {
    const c = await fresh([{ x: 1 }, { x: 5 }, { x: Long.fromNumber(10) }, { x: Long.fromNumber(13) }]);
    const out = await c.aggregate([{ $densify: { field: 'x', range: { step: 1.5, bounds: 'full' } } }, { $project: { _id: 0, x: 1 } }]).toArray();
    // 1 + 1.5 is a double; 5 is off the steps (2.5, 4, 5.5) and does not restart them; 10 is on them, so 11.5 is 10 + 1.5.
    expect(out.map((d) => typed(d.x))).toEqual([I(1), D(2.5), D(4), I(5), D(5.5), D(7), D(8.5), L(10), D(11.5), L(13)]);
    const ints = await fresh([{ x: Long.fromNumber(1) }, { x: 4 }]);
    const longs = await ints.aggregate([{ $densify: { field: 'x', range: { step: 1, bounds: 'full' } } }, { $project: { _id: 0, x: 1 } }]).toArray();
    expect(longs.map((d) => typed(d.x))).toEqual([L(1), L(2), L(3), I(4)]);
  });

  it('dates: a month past the 31st is the month’s last day, and the next month counts from there', async () => {
    const c = await fresh([{ t: new Date('2024-01-31T00:00:00Z') }, { t: new Date('2024-04-30T00:00:00Z') }]);
    const out = await c
      .aggregate([{ $densify: { field: 't', range: { step: 1, unit: 'month', bounds: 'full' } } }, { $project: { _id: 0 } }])
      .toArray();
    expect(out.map((d) => (d.t as Date).toISOString().slice(0, 10))).toEqual(['2024-01-31', '2024-02-29', '2024-03-29', '2024-04-29', '2024-04-30']);
  });

  it('errors: bounds and step of different types, partition bounds without partitions, a step that is not positive', async () => {
    const c = await fresh([{ x: 1 }]);
    expect(await code(c, [{ $densify: { field: 'x', range: { step: 1.5, bounds: [0, 10] } } }])).toBe(5876900);
    expect(await code(c, [{ $densify: { field: 'x', range: { step: 1, bounds: 'partition' } } }])).toBe(5733408);
    expect(await code(c, [{ $densify: { field: 'x', range: { step: 0, bounds: 'full' } } }])).toBe(5733401);
    expect(await code(c, [{ $densify: { field: 'x', range: { step: 1, bounds: [5, 1] } } }])).toBe(5733402);
    expect(await code(c, [{ $densify: { field: 'x', range: { step: 1, bounds: 'full', unit: 'day' } } }])).toBe(6053600);
  });
});

describe('$bucketAuto', () => {
  const ids = (out: Document[]) => out.map((b) => [typed(b._id.min), typed(b._id.max), num(b.count)]);

  it('fills round(n / buckets) per bucket, equal values stay together, the last bucket takes the rest', async () => {
    const c = await fresh([1, 1, 1, 2, 3, 4, 5, 6, 7, 8].map((x) => ({ x })));
    const out = await c.aggregate([{ $bucketAuto: { groupBy: '$x', buckets: 4 } }]).toArray();
    // round(10 / 4) = 3 (std::round): [1, 1, 1], [2, 3, 4], [5, 6, 7], [8].
    expect(ids(out)).toEqual([
      [I(1), I(2), 3],
      [I(2), I(5), 3],
      [I(5), I(8), 3],
      [I(8), I(8), 1],
    ]);
  });

  it('the accumulators see a bucket’s documents in their input order (the server’s positional accumulators)', async () => {
    const c = await fresh([
      { x: 3, n: 'c' },
      { x: 1, n: 'a' },
      { x: 2, n: 'b' },
      { x: 9, n: 'z' },
    ]);
    const out = await c
      .aggregate([{ $bucketAuto: { groupBy: '$x', buckets: 2, output: { names: { $push: '$n' }, first: { $first: '$n' }, last: { $last: '$n' } } } }])
      .toArray();
    expect(out.map((b) => [b.names, b.first, b.last])).toEqual([
      [['a', 'b'], 'a', 'b'],
      [['c', 'z'], 'c', 'z'],
    ]);
    const one = await c
      .aggregate([{ $bucketAuto: { groupBy: '$x', buckets: 1, output: { names: { $push: '$n' }, first: { $first: '$n' } } } }])
      .toArray();
    expect(one.map((b) => [b.names, b.first])).toEqual([[['c', 'a', 'b', 'z'], 'c']]);
  });

  it('granularity R5: boundaries rounded through the series, doubles', async () => {
    const c = await fresh([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((x) => ({ x })));
    const out = await c.aggregate([{ $bucketAuto: { groupBy: '$x', buckets: 3, granularity: 'R5' } }]).toArray();
    expect(ids(out)).toEqual([
      [D(0.63), D(4), 3],
      [D(4), D(63 * 0.1), 3],
      [D(63 * 0.1), D(16), 4],
    ]);
  });

  it('granularity E6: a bucket whose rounded max is 0 ends at the next value rounded down', async () => {
    const c = await fresh([{ x: 0 }, { x: 0 }, { x: 5 }]);
    const out = await c.aggregate([{ $bucketAuto: { groupBy: '$x', buckets: 2, granularity: 'E6' } }]).toArray();
    expect(ids(out)).toEqual([
      [I(0), D(47 * 0.1), 2],
      [D(47 * 0.1), D(68 * 0.1), 1],
    ]);
  });

  it('granularity POWERSOF2: $pow(2, int) boundaries, int32 even for doubles, a double below 1', async () => {
    const c = await fresh([{ x: 1 }, { x: 3 }, { x: 5.5 }, { x: 12 }]);
    const out = await c.aggregate([{ $bucketAuto: { groupBy: '$x', buckets: 2, granularity: 'POWERSOF2' } }]).toArray();
    expect(ids(out)).toEqual([
      [D(0.5), I(4), 2],
      [I(4), I(16), 2],
    ]);
    const d = await fresh([{ x: 5.5 }]);
    expect(ids(await d.aggregate([{ $bucketAuto: { groupBy: '$x', buckets: 1, granularity: 'POWERSOF2' } }]).toArray())).toEqual([[I(4), I(8), 1]]);
  });

  it('granularity errors: a non-numeric or negative value, an unknown series, buckets', async () => {
    const c = await fresh([{ x: 1 }, { x: 'a' }]);
    expect(await code(c, [{ $bucketAuto: { groupBy: '$x', buckets: 2, granularity: 'R5' } }])).toBe(40258);
    const neg = await fresh([{ x: -1 }]);
    expect(await code(neg, [{ $bucketAuto: { groupBy: '$x', buckets: 2, granularity: 'R5' } }])).toBe(40260);
    expect(await code(neg, [{ $bucketAuto: { groupBy: '$x', buckets: 2, granularity: 'R7' } }])).toBe(40257);
    expect(await code(neg, [{ $bucketAuto: { groupBy: '$x', buckets: 0 } }])).toBe(40243);
    expect(await code(neg, [{ $bucketAuto: { groupBy: '$x', buckets: 1.5 } }])).toBe(40242);
    expect(await code(neg, [{ $bucketAuto: { groupBy: '$x' } }])).toBe(40246);
  });
});

describe('$bucket errors', () => {
  it('boundaries: fewer than 2, mixed types, not ascending; default inside the range; missing groupBy', async () => {
    const c = await fresh([{ x: 1 }]);
    expect(await code(c, [{ $bucket: { groupBy: '$x', boundaries: [1] } }])).toBe(40192);
    expect(await code(c, [{ $bucket: { groupBy: '$x', boundaries: [1, 'a'] } }])).toBe(40193);
    expect(await code(c, [{ $bucket: { groupBy: '$x', boundaries: [1, 3, 2] } }])).toBe(40194);
    expect(await code(c, [{ $bucket: { groupBy: '$x', boundaries: [1, 3], default: 2 } }])).toBe(40199);
    expect(await code(c, [{ $bucket: { boundaries: [1, 3] } }])).toBe(40198);
    expect(await code(c, [{ $bucket: { groupBy: 'x', boundaries: [1, 3] } }])).toBe(40202);
  });
});

describe('$fill', () => {
  it('locf needs no sortBy: the documents in their order, missing fields filled too', async () => {
    const c = await fresh([{ _id: 1, v: new Double(1) }, { _id: 2, v: null }, { _id: 3 }]);
    const out = await c.aggregate([{ $fill: { output: { v: { method: 'locf' } } } }]).toArray();
    expect(out.map((d) => typed(d.v))).toEqual([D(1), D(1), D(1)]);
  });

  it('locf: a missing value before any other becomes null (the accumulator starts from null)', async () => {
    const c = await fresh([{ _id: 1 }, { _id: 2, v: 'x' }]);
    const out = await c.aggregate([{ $fill: { sortBy: { _id: 1 }, output: { v: { method: 'locf' } } } }]).toArray();
    expect(out.map((d) => d.v)).toEqual([null, 'x']);
  });

  it('value outputs alone keep the input order even with a sortBy', async () => {
    const c = await fresh([{ _id: 2 }, { _id: 1 }]);
    const out = await c.aggregate([{ $fill: { sortBy: { _id: 1 }, output: { v: { value: 0 } } } }]).toArray();
    expect(out.map((d) => [num(d._id), num(d.v)])).toEqual([
      [2, 0],
      [1, 0],
    ]);
  });

  it('errors and their codes', async () => {
    const c = await fresh([
      { t: 1, v: 1 },
      { t: 1, v: null },
    ]);
    expect(await code(c, [{ $fill: { output: { v: { method: 'linear' } } } }])).toBe(605001);
    expect(await code(c, [{ $fill: { sortBy: { t: 1, v: 1 }, output: { v: { method: 'linear' } } } }])).toBe(605001);
    expect(await code(c, [{ $fill: { sortBy: { t: 1 }, output: { v: { method: 'linear' } } } }])).toBe(6050106);
    expect(await code(c, [{ $fill: { partitionBy: '$t', partitionByFields: ['t'], output: { v: { method: 'locf' } } } }])).toBe(6050204);
    expect(await code(c, [{ $fill: { output: { v: { method: 'locf', value: 1 } } } }])).toBe(6050201);
    expect(await code(c, [{ $fill: { output: { v: { method: 'next' } } } }])).toBe(6050202);
    expect(await code(c, [{ $fill: { output: {} } }])).toBe(6050203);
    expect(await code(c, [{ $fill: { output: { v: 1 } } }])).toBe(6050200);
    expect(await code(c, [{ $fill: { sortBy: { t: 1 } } }])).toBe(40414);
    expect(await code(c, [{ $fill: { output: { v: { value: 1 } }, other: 1 } }])).toBe(40415);
  });
});

describe('n, $sortArray and set expression errors', () => {
  it("a bad 'n': not a number, not integral, not positive", async () => {
    const c = await fresh([{ a: [1, 2, 3] }]);
    for (const op of ['$maxN', '$minN', '$firstN', '$lastN']) {
      expect(await code(c, [{ $project: { r: { [op]: { n: 'x', input: '$a' } } } }])).toBe(5787902);
      expect(await code(c, [{ $project: { r: { [op]: { n: 1.5, input: '$a' } } } }])).toBe(5787903);
      expect(await code(c, [{ $project: { r: { [op]: { n: 0, input: '$a' } } } }])).toBe(5787908);
      expect(await code(c, [{ $group: { _id: null, r: { [op]: { n: 1.5, input: '$a' } } } }])).toBe(5787903);
    }
    for (const op of ['$topN', '$bottomN']) {
      expect(await code(c, [{ $group: { _id: null, r: { [op]: { n: 1.5, output: '$a', sortBy: { a: 1 } } } } }])).toBe(5787903);
      expect(await code(c, [{ $group: { _id: null, r: { [op]: { n: -1, output: '$a', sortBy: { a: 1 } } } } }])).toBe(5787908);
    }
    // The expression forms need an array input, null included.
    for (const op of ['$maxN', '$firstN', '$lastN']) expect(await code(c, [{ $project: { r: { [op]: { n: 1, input: null } } } }])).toBe(5788200);
  });

  it('$firstN and $lastN hand on the values as stored, nulls kept and missing as null in a group', async () => {
    const c = await fresh([{ _id: 1, v: new Double(1) }, { _id: 2, v: null }, { _id: 3 }, { _id: 4, v: Long.fromNumber(4) }]);
    const [g] = await c
      .aggregate([
        { $sort: { _id: 1 } },
        { $group: { _id: null, first: { $firstN: { n: 2, input: '$v' } }, last: { $lastN: { n: 2, input: '$v' } } } },
      ])
      .toArray();
    expect(typed(g.first[0])).toEqual(D(1));
    expect(g.first[1]).toBeNull();
    expect(g.last[0]).toBeNull();
    expect(typed(g.last[1])).toEqual(L(4));
    const [p] = await c.aggregate([{ $match: { _id: 1 } }, { $project: { _id: 0, r: { $lastN: { n: 1, input: [1, new Double(2)] } } } }]).toArray();
    expect(typed(p.r[0])).toEqual(D(2));
  });

  it('$sortArray: null input is null, another non-array an error', async () => {
    const c = await fresh([{ s: 'x' }]);
    const [p] = await c.aggregate([{ $project: { _id: 0, r: { $sortArray: { input: '$missing', sortBy: 1 } } } }]).toArray();
    expect(p).toEqual({ r: null });
    expect(await code(c, [{ $project: { r: { $sortArray: { input: '$s', sortBy: 1 } } } }])).toBe(2942504);
  });

  it('$sortArray orders whole values and documents as the server’s own test expects (jstests sort_array.js)', async () => {
    const c = await fresh([
      {
        objsAndArrays: [{}, [], []],
        nested: [
          [1, 2],
          [3, 4],
        ],
        mixed: [1, [1], { a: 1 }, '1'],
        byField: [{ a: 1 }, { b: 2 }, { c: 3 }],
      },
    ]);
    const [p] = await t.db
      .collection(c.collectionName)
      .aggregate([
        {
          $project: {
            _id: 0,
            a: { $sortArray: { input: '$objsAndArrays', sortBy: -1 } },
            b: { $sortArray: { input: '$nested', sortBy: -1 } },
            c: { $sortArray: { input: '$mixed', sortBy: 1 } },
            d: { $sortArray: { input: '$byField', sortBy: { a: 1 } } },
            e: { $sortArray: { input: '$byField', sortBy: { b: 1 } } },
          },
        },
      ])
      .toArray();
    expect(p).toEqual({
      a: [[], [], {}],
      b: [
        [3, 4],
        [1, 2],
      ],
      c: [1, '1', { a: 1 }, [1]],
      d: [{ b: 2 }, { c: 3 }, { a: 1 }],
      e: [{ a: 1 }, { c: 3 }, { b: 2 }],
    });
    expect(await code(c, [{ $project: { r: { $sortArray: '$nested' } } }])).toBe(2942500);
  });

  it('set expressions: a non-array operand is an error of its own code', async () => {
    const c = await fresh([{ a: [1], s: 'x' }]);
    const cases: [Document, number][] = [
      [{ $setUnion: ['$a', '$s'] }, 17043],
      [{ $setIntersection: ['$a', '$s'] }, 17047],
      [{ $setDifference: ['$s', '$a'] }, 17048],
      [{ $setDifference: ['$a', '$s'] }, 17049],
      [{ $setEquals: ['$a', '$s'] }, 17044],
      [{ $setIsSubset: ['$s', '$a'] }, 17046],
      [{ $setIsSubset: ['$a', '$s'] }, 17042],
      [{ $setIsSubset: ['$missing', '$a'] }, 17046],
    ];
    for (const [expr, c2] of cases) expect([expr, await code(c, [{ $project: { r: expr } }])]).toEqual([expr, c2]);
  });
});

describe('order of the results', () => {
  it('$setUnion and $setIntersection come out sorted', async () => {
    const c = await fresh([{ a: [3, 1], b: [2, 1, 3] }]);
    const [p] = await c
      .aggregate([
        { $project: { _id: 0, u: { $setUnion: ['$a', '$b'] }, i: { $setIntersection: ['$b', '$a'] }, d: { $setDifference: ['$b', '$a'] } } },
      ])
      .toArray();
    expect({ u: p.u.map(num), i: p.i.map(num), d: p.d.map(num) }).toEqual({ u: [1, 2, 3], i: [1, 3], d: [2] });
  });

  it('$maxN keeps the first of equal values and lists equal ones in reverse arrival; $minN in arrival', async () => {
    const c = await fresh([{ a: [5, new Double(5), 1] }]);
    const [p] = await c.aggregate([{ $project: { _id: 0, max: { $maxN: { n: 2, input: '$a' } }, min: { $minN: { n: 3, input: '$a' } } } }]).toArray();
    expect(p.max.map(typed)).toEqual([D(5), I(5)]);
    expect(p.min.map(typed)).toEqual([I(1), I(5), D(5)]);
  });

  it('$bottom and $bottomN keep the first documents seen on a tie', async () => {
    const c = await fresh([
      { k: 1, o: 'a' },
      { k: 1, o: 'b' },
      { k: 2, o: 'c' },
      { k: 1, o: 'd' },
    ]);
    const [g] = await c
      .aggregate([
        { $sort: { o: 1 } },
        {
          $group: {
            _id: null,
            bottom: { $bottom: { output: '$o', sortBy: { k: 1 } } },
            bottomOfOnes: { $bottomN: { n: 2, output: '$o', sortBy: { k: -1 } } },
            top: { $top: { output: '$o', sortBy: { k: 1 } } },
            missing: { $topN: { n: 1, output: '$nothing', sortBy: { k: 1 } } },
          },
        },
      ])
      .toArray();
    // $bottomN n=2 by k descending: a, b enter; c (k 2) sorts first, not after a: skipped; d ties with a: skipped.
    expect(g).toEqual({ _id: null, bottom: 'c', bottomOfOnes: ['a', 'b'], top: 'a', missing: [null] });
  });
});
