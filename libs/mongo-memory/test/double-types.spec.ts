import { Double, Long, type MongoClient } from 'mongodb';
import { freshCollections, rejection, startTarget, type Loose, type Target } from './harness';

/**
 * Issue #15 (#20): a double with an integral value stays a double (BSON type 1) wherever a server
 * keeps it one: through expressions that return one of their inputs or keep its type, through
 * stages and accumulators that pass values on, and when a pipeline holds a double literal. Read
 * with `promoteValues: false`, so every number shows its BSON type. Runs unchanged against a real
 * server with MONGODB_URI.
 */
// Any field, any _id type.
let t: Target;
let raw: MongoClient;
beforeAll(async () => {
  t = await startTarget('doubles');
  raw = await t.connect({ promoteValues: false });
});
afterAll(() => t.close());

const fresh = freshCollections(
  'd',
  () => t,
  () => raw,
);

/** [BSON type, value] of a number read without promotion. */
const typed = (v: unknown): [string | undefined, unknown] => [(v as { _bsontype?: string })._bsontype, (v as { valueOf(): unknown }).valueOf()];
const D = (v: number): [string, number] => ['Double', v];
const I = (v: number): [string, number] => ['Int32', v];

describe('expressions keep the type of the value they return', () => {
  it('$cond, $ifNull, $switch, $let, $arrayElemAt, $max/$min of a list, $map', async () => {
    const c = await fresh([{ _id: 1, d: new Double(5), i: 3, zero: new Double(0), list: [new Double(1), 2, new Double(3)] }]);
    const [p] = await c
      .aggregate([
        {
          $project: {
            cond: { $cond: [{ $gt: ['$d', 1] }, '$d', '$i'] },
            condZero: { $cond: ['$zero', 'truthy', 'falsy'] },
            ifNull: { $ifNull: ['$missing', '$d'] },
            switch: { $switch: { branches: [{ case: { $eq: ['$i', 3] }, then: '$d' }], default: 0 } },
            let: { $let: { vars: { x: '$d' }, in: '$$x' } },
            elem: { $arrayElemAt: ['$list', 0] },
            elemInt: { $arrayElemAt: ['$list', 1] },
            max: { $max: ['$d', '$i'] },
            min: { $min: '$list' },
            map: { $map: { input: '$list', in: '$$this' } },
            filter: { $filter: { input: '$list', cond: { $gt: ['$$this', 1] } } },
          },
        },
      ])
      .toArray();
    expect([p.cond, p.ifNull, p.switch, p.let, p.elem, p.elemInt, p.max, p.min].map(typed)).toEqual([D(5), D(5), D(5), D(5), D(1), I(2), D(5), D(1)]);
    expect(p.condZero).toBe('falsy');
    expect(p.map.map(typed)).toEqual([D(1), I(2), D(3)]);
    expect(p.filter.map(typed)).toEqual([I(2), D(3)]);
  });

  it('$abs, $round, $floor, $ceil, $trunc keep the input type, also nested in arithmetic', async () => {
    const c = await fresh([{ _id: 1, d: new Double(-5), f: 2.5, i: -3 }]);
    const [p] = await c
      .aggregate([
        {
          $project: {
            abs: { $abs: '$d' },
            absInt: { $abs: '$i' },
            round: { $round: ['$f', 0] },
            roundInt: { $round: ['$i', 0] },
            floor: { $floor: '$f' },
            floorInt: { $floor: '$i' },
            ceil: { $ceil: '$f' },
            trunc: { $trunc: ['$f'] },
            nested: { $add: [{ $abs: '$d' }, 1] },
            nestedCond: { $multiply: [{ $cond: [true, '$d', 0] }, 2] },
            condOfSum: { $cond: [true, { $add: ['$i', '$d'] }, 0] },
            type: { $type: { $cond: [true, '$d', 0] } },
            pow: { $pow: ['$d', 2] },
            powInt: { $pow: ['$i', 2] },
            powFraction: { $pow: [2, -1] },
            mod: { $mod: ['$d', 2] },
            sqrt: { $sqrt: { $multiply: ['$i', '$i'] } },
          },
        },
      ])
      .toArray();
    expect([p.abs, p.absInt, p.round, p.roundInt, p.floor, p.floorInt, p.ceil, p.trunc].map(typed)).toEqual([
      D(5),
      I(3),
      D(2),
      I(-3),
      D(2),
      I(-3),
      D(3),
      D(2),
    ]);
    expect([p.nested, p.nestedCond, p.condOfSum].map(typed)).toEqual([D(6), D(-10), D(-8)]);
    expect(p.type).toBe('double');
    expect([p.pow, p.powInt, p.powFraction, p.mod].map(typed)).toEqual([D(25), I(9), D(0.5), D(-1)]);
    expect(typed(p.sqrt)).toEqual(D(3));
  });
});

describe('stages and accumulators pass doubles on unchanged', () => {
  const docs = [
    { _id: 1, g: 'a', d: new Double(5), list: [new Double(1), 2] },
    { _id: 2, g: 'a', d: new Double(7), list: [new Double(3)] },
    { _id: 3, g: 'b', d: 4, list: [] },
  ];

  it('$push, $addToSet, $first, $last, and a double as the $group _id', async () => {
    const c = await fresh(docs);
    const [g] = await c
      .aggregate([
        { $sort: { _id: 1 } },
        { $match: { g: 'a' } },
        { $group: { _id: '$g', pushed: { $push: '$d' }, set: { $addToSet: '$d' }, first: { $first: '$d' }, last: { $last: '$d' } } },
      ])
      .toArray();
    expect(g.pushed.map(typed)).toEqual([D(5), D(7)]);
    expect(g.set.map(typed).sort((a: [string, number], b: [string, number]) => a[1] - b[1])).toEqual([D(5), D(7)]);
    expect([g.first, g.last].map(typed)).toEqual([D(5), D(7)]);
    const keyed = await c.aggregate([{ $match: { _id: 1 } }, { $group: { _id: '$d', n: { $sum: 1 } } }]).toArray();
    expect(typed(keyed[0]._id)).toEqual(D(5));
  });

  it('groups 5 and 5.0 together, as equal numbers', async () => {
    const c = await fresh([
      { _id: 1, v: new Double(5) },
      { _id: 2, v: 5 },
      { _id: 3, v: 6 },
    ]);
    const groups = await c.aggregate([{ $group: { _id: '$v', n: { $sum: 1 } } }, { $sort: { _id: 1 } }]).toArray();
    expect(groups.map((x) => [x._id.valueOf(), x.n.valueOf()])).toEqual([
      [5, 2],
      [6, 1],
    ]);
  });

  it('$unwind, $replaceRoot, $replaceWith, $facet, $sort, $skip, $limit', async () => {
    const c = await fresh(docs);
    const unwound = await c.aggregate([{ $sort: { _id: 1 } }, { $unwind: '$list' }, { $project: { _id: 0, list: 1 } }]).toArray();
    expect(unwound.map((x) => typed(x.list))).toEqual([D(1), I(2), D(3)]);
    const replaced = await c
      .aggregate([{ $sort: { _id: 1 } }, { $replaceRoot: { newRoot: { v: '$d' } } }, { $replaceWith: { w: '$v' } }, { $skip: 1 }, { $limit: 1 }])
      .toArray();
    expect(replaced.map((x) => typed(x.w))).toEqual([D(7)]);
    const [facet] = await c.aggregate([{ $facet: { top: [{ $sort: { d: -1 } }, { $limit: 1 }, { $project: { _id: 0, d: 1 } }] } }]).toArray();
    expect(facet.top.map((x: Loose) => typed(x.d))).toEqual([D(7)]);
  });

  it('$lookup: the joined documents keep their stored types, and 5 joins 5.0', async () => {
    const foreign = await fresh([
      { _id: 'x', k: new Double(5), v: new Double(2) },
      { _id: 'y', k: 6, v: 3 },
    ]);
    const c = await fresh([{ _id: 1, k: 5 }]);
    const [joined] = await c.aggregate([{ $lookup: { from: foreign.collectionName, localField: 'k', foreignField: 'k', as: 'j' } }]).toArray();
    expect(joined.j.map((x: Loose) => [x._id, typed(x.k), typed(x.v)])).toEqual([['x', D(5), D(2)]]);
    const [piped] = await c
      .aggregate([{ $lookup: { from: foreign.collectionName, pipeline: [{ $sort: { _id: 1 } }, { $project: { _id: 0, v: 1 } }], as: 'j' } }])
      .toArray();
    expect(piped.j.map((x: Loose) => typed(x.v))).toEqual([D(2), I(3)]);
  });
});

describe('double literals in a pipeline', () => {
  it('come back as doubles: $literal, an arithmetic operand, an $addFields value', async () => {
    const c = await fresh([{ _id: 1, i: 3 }]);
    const [p] = await c
      .aggregate([
        { $addFields: { x: new Double(2) } },
        { $project: { x: 1, lit: { $literal: new Double(2) }, sum: { $add: ['$i', new Double(2)] }, i: new Double(1) } },
      ])
      .toArray();
    expect([p.x, p.lit, p.sum, p.i].map(typed)).toEqual([D(2), D(2), D(5), I(3)]);
  });

  it('are kept by a pipeline update', async () => {
    const c = await fresh([{ _id: 1, i: 3 }]);
    await c.updateOne({ _id: 1 }, [{ $set: { x: new Double(2), y: { $add: ['$i', new Double(1)] } } }]);
    const doc = (await c.findOne({ _id: 1 }))!;
    expect([doc.x, doc.y, doc.i].map(typed)).toEqual([D(2), D(4), I(3)]);
  });
});

describe('operators and stages that compare, order, bucket or join values keep them as stored', () => {
  const byValue = (a: [string, number], b: [string, number]) => a[1] - b[1];

  it('set expressions keep the elements and take 5 and 5.0 as one value', async () => {
    const c = await fresh([{ _id: 1, a: [new Double(5), 1], b: [5, new Double(2)] }]);
    const [p] = await c
      .aggregate([
        {
          $project: {
            union: { $setUnion: ['$a', '$b'] },
            intersection: { $setIntersection: ['$a', '$a'] },
            difference: { $setDifference: ['$a', [1]] },
            equals: { $setEquals: ['$a', [5, 1]] },
            subset: { $setIsSubset: [[new Double(2), 5], { $concatArrays: ['$a', '$b'] }] },
            nullUnion: { $setUnion: ['$a', '$missing'] },
            nullDifference: { $setDifference: ['$a', null] },
          },
        },
      ])
      .toArray();
    const union = p.union.map(typed).sort(byValue);
    expect(union.map((x: [string, number]) => x[1])).toEqual([1, 2, 5]);
    expect(union.slice(0, 2)).toEqual([I(1), D(2)]);
    expect(p.intersection.map(typed).sort(byValue)).toEqual([I(1), D(5)]);
    expect(p.difference.map(typed)).toEqual([D(5)]);
    expect([p.equals, p.subset]).toEqual([true, true]);
    // A null or missing operand makes the result null.
    expect([p.nullUnion, p.nullDifference]).toEqual([null, null]);
  });

  it('$sortArray, $maxN and $minN return the elements as stored', async () => {
    const c = await fresh([{ _id: 1, list: [new Double(3), 1, new Double(2)], docs: [{ v: new Double(2) }, { v: 1 }] }]);
    const [p] = await c
      .aggregate([
        {
          $project: {
            sorted: { $sortArray: { input: '$list', sortBy: 1 } },
            sortedDocs: { $sortArray: { input: '$docs', sortBy: { v: -1 } } },
            max: { $maxN: { input: '$list', n: 2 } },
            min: { $minN: { input: '$list', n: 1 } },
          },
        },
      ])
      .toArray();
    expect(p.sorted.map(typed)).toEqual([I(1), D(2), D(3)]);
    expect(p.sortedDocs.map((d: Loose) => typed(d.v))).toEqual([D(2), I(1)]);
    expect(p.max.map(typed)).toEqual([D(3), D(2)]);
    expect(p.min.map(typed)).toEqual([I(1)]);
  });

  it('$top, $topN, $bottom, $bottomN, $maxN, $minN in $group', async () => {
    const c = await fresh([
      { _id: 1, g: 'a', d: new Double(5) },
      { _id: 2, g: 'a', d: 4 },
      { _id: 3, g: 'a', d: new Double(7) },
    ]);
    const [g] = await c
      .aggregate([
        {
          $group: {
            _id: '$g',
            topN: { $topN: { n: 2, sortBy: { d: -1 }, output: '$d' } },
            top: { $top: { sortBy: { d: 1 }, output: '$d' } },
            bottomN: { $bottomN: { n: 2, sortBy: { d: 1 }, output: '$d' } },
            bottom: { $bottom: { sortBy: { d: -1 }, output: '$d' } },
            maxN: { $maxN: { input: '$d', n: 2 } },
            minN: { $minN: { input: '$d', n: 1 } },
          },
        },
      ])
      .toArray();
    expect([g.topN, g.bottomN, g.maxN, g.minN].map((l: unknown[]) => l.map(typed))).toEqual([[D(7), D(5)], [D(5), D(7)], [D(7), D(5)], [I(4)]]);
    expect([g.top, g.bottom].map(typed)).toEqual([I(4), I(4)]);
  });

  it('$pow of integers stays an exact int64 beyond 2^53, a double once it overflows int64', async () => {
    const c = await fresh([{ _id: 1, l: Long.fromNumber(3) }]);
    const [p] = await c.aggregate([{ $project: { int: { $pow: [3, 39] }, long: { $pow: ['$l', 39] }, over: { $pow: [2, 63] } } }]).toArray();
    expect([p.int, p.long].map((v: Long) => [v._bsontype, v.toString()])).toEqual([
      ['Long', '4052555153018976267'],
      ['Long', '4052555153018976267'],
    ]);
    expect(typed(p.over)).toEqual(D(2 ** 63));
  });

  it('$bucket: _id is the boundary as given, the accumulators keep the values', async () => {
    const c = await fresh([
      { _id: 1, v: new Double(1) },
      { _id: 2, v: 2 },
      { _id: 3, v: new Double(7) },
      { _id: 4, v: 12 },
    ]);
    const buckets = await c
      .aggregate([
        { $sort: { _id: 1 } },
        { $bucket: { groupBy: '$v', boundaries: [0, new Double(5), 10], default: 'other', output: { vals: { $push: '$v' } } } },
      ])
      .toArray();
    expect(buckets.map((b) => [typeof b._id === 'string' ? b._id : typed(b._id), b.vals.map(typed)])).toEqual([
      [I(0), [D(1), I(2)]],
      [D(5), [D(7)]],
      ['other', [I(12)]],
    ]);
  });

  it('$graphLookup: the documents found as stored, depth an int64', async () => {
    const foreign = await fresh([
      { _id: 1, next: new Double(2), w: new Double(1) },
      { _id: 2, next: 3, w: new Double(2) },
      { _id: 3, w: 3 },
    ]);
    const c = await fresh([{ _id: 'start', first: new Double(1), x: new Double(3) }]);
    const [p] = await c
      .aggregate([
        {
          $graphLookup: {
            from: foreign.collectionName,
            startWith: '$first',
            connectFromField: 'next',
            connectToField: '_id',
            as: 'path',
            depthField: 'depth',
          },
        },
      ])
      .toArray();
    expect(typed(p.x)).toEqual(D(3));
    const path = [...p.path].sort((a: Loose, b: Loose) => a._id - b._id);
    expect(path.map((d: Loose) => [typed(d.w), d.depth._bsontype, Number(d.depth)])).toEqual([
      [D(1), 'Long', 0],
      [D(2), 'Long', 1],
      [I(3), 'Long', 2],
    ]);
    expect(typed(path[0].next)).toEqual(D(2));
  });
});

describe('$fill', () => {
  it('locf copies the value as stored, linear interpolates a double, value sets the expression', async () => {
    const c = await fresh([
      { _id: 1, t: 1, v: new Double(2), w: new Double(1) },
      { _id: 2, t: 2, v: null },
      { _id: 3, t: 4, v: new Double(8), w: 3 },
      { _id: 4, t: 5, v: 9, w: null },
    ]);
    const docs = await c
      .aggregate([{ $fill: { sortBy: { t: 1 }, output: { v: { method: 'linear' }, w: { method: 'locf' }, z: { value: new Double(0) } } } }])
      .toArray();
    expect(docs.map((d) => [Number(d._id), typed(d.v), typed(d.w), typed(d.z)])).toEqual([
      [1, D(2), D(1), D(0)],
      [2, D(4), D(1), D(0)],
      [3, D(8), I(3), D(0)],
      [4, I(9), I(3), D(0)],
    ]);
  });

  it('fills each partition on its own, in sortBy order', async () => {
    const c = await fresh([
      { _id: 1, g: 'b', t: 2 },
      { _id: 2, g: 'a', t: 1, v: new Double(5) },
      { _id: 3, g: 'b', t: 1, v: 7 },
      { _id: 4, g: 'a', t: 2 },
    ]);
    const docs = await c.aggregate([{ $fill: { partitionByFields: ['g'], sortBy: { t: 1 }, output: { v: { method: 'locf' } } } }]).toArray();
    // The order of the partitions is the server's business; each one's values are checked.
    expect(docs.map((d) => [Number(d._id), typed(d.v)]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
      [1, I(7)],
      [2, D(5)],
      [3, I(7)],
      [4, D(5)],
    ]);
  });
});

describe('$bucketAuto', () => {
  it('takes the boundaries from the documents as stored, and the accumulators keep the values', async () => {
    const c = await fresh([
      { _id: 1, v: new Double(1) },
      { _id: 2, v: 2 },
      { _id: 3, v: new Double(3) },
      { _id: 4, v: 4 },
      { _id: 5, v: new Double(5) },
      { _id: 6, v: 6 },
    ]);
    const buckets = await c
      .aggregate([{ $sort: { _id: 1 } }, { $bucketAuto: { groupBy: '$v', buckets: 3, output: { vals: { $push: '$v' } } } }])
      .toArray();
    expect(buckets.map((b) => [typed(b._id.min), typed(b._id.max), b.vals.map(typed)])).toEqual([
      [D(1), D(3), [D(1), I(2)]],
      [D(3), D(5), [D(3), I(4)]],
      [D(5), I(6), [D(5), I(6)]],
    ]);
  });
});

describe('$densify', () => {
  it('passes the documents on as stored; a new value is typed as the sum of the start and the step', async () => {
    const c = await fresh([
      { _id: 1, t: new Double(1), x: new Double(9) },
      { _id: 2, t: 4, x: 1 },
    ]);
    const full = await c.aggregate([{ $densify: { field: 't', range: { step: 1, bounds: 'full' } } }, { $sort: { t: 1 } }]).toArray();
    expect(full.map((d) => [typed(d.t), d.x === undefined ? undefined : typed(d.x)])).toEqual([
      [D(1), D(9)],
      [D(2), undefined],
      [D(3), undefined],
      [I(4), I(1)],
    ]);
    const ints = await fresh([{ _id: 1, t: 2 }]);
    const bounded = await ints.aggregate([{ $densify: { field: 't', range: { step: 1, bounds: [0, 3] } } }, { $sort: { t: 1 } }]).toArray();
    expect(bounded.map((d) => typed(d.t))).toEqual([I(0), I(1), I(2)]);
    // Explicit bounds and the step must be of one type (document_source_densify.cpp, 5876900).
    const doubleStep = await ints
      .aggregate([{ $densify: { field: 't', range: { step: new Double(1), bounds: [new Double(0), new Double(2)] } } }, { $sort: { t: 1 } }])
      .toArray();
    expect(doubleStep.map((d) => typed(d.t))).toEqual([D(0), D(1), I(2)]);
    const mixed = await rejection(ints.aggregate([{ $densify: { field: 't', range: { step: new Double(1), bounds: [0, 2] } } }]).toArray());
    expect(Number(mixed.code)).toBe(5876900);
  });
});
