import { Decimal128, Double, Long, type Collection, type Document, type MongoClient } from 'mongodb';
import { freshCollections, rejection, startTarget, type Loose, type Target } from './harness';

/**
 * `$setWindowFields` (#15, #20) over documents that keep their BSON types: partitions and order,
 * document and range windows, the result types of each function family, and the server's error
 * codes. Read with `promoteValues: false`, so every number shows its BSON type. Runs unchanged
 * against a real server with MONGODB_URI.
 */
let t: Target;
let raw: MongoClient;
beforeAll(async () => {
  t = await startTarget('window');
  raw = await t.connect({ promoteValues: false });
});
afterAll(() => t.close());

const fresh = freshCollections(
  'w',
  () => t,
  () => raw,
);
const windowed = (c: Collection<Loose>, spec: Document, ...after: Document[]) => c.aggregate([{ $setWindowFields: spec }, ...after]).toArray();
/** The error code of a pipeline that fails (an Int32 through this client). */
const failure = async (c: Collection<Loose>, spec: Document): Promise<number> => Number((await rejection(windowed(c, spec))).code);
const ids = (docs: Loose[]) => docs.map((d) => Number(d._id));

/** [BSON type, value] of a number read without promotion (arrays element by element). */
const typed = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(typed)
    : v === null || v === undefined
      ? v
      : [(v as { _bsontype?: string })._bsontype, Number((v as { valueOf(): unknown }).valueOf())];
const D = (v: number) => ['Double', v];
const I = (v: number) => ['Int32', v];
const L = (v: number) => ['Long', v];

describe('double literals', () => {
  it('a double literal in the specification stays a double ($sum of Double(1) counts in doubles)', async () => {
    const c = await fresh([
      { _id: 1, t: 1 },
      { _id: 2, t: 2 },
    ]);
    const out = await windowed(c, { sortBy: { t: 1 }, output: { n: { $sum: new Double(1), window: { documents: ['unbounded', 'current'] } } } });
    expect(out.map((d) => typed(d.n))).toEqual([D(1), D(2)]);
  });
});

describe('partitions and order', () => {
  it('sorts by partition then sortBy, null and missing partition together; a running $sum keeps int32, double and int64', async () => {
    const c = await fresh([
      { _id: 1, g: 'b', t: 2, i: 1, d: new Double(1), l: Long.fromNumber(1) },
      { _id: 2, g: 'a', t: 2, i: 2, d: new Double(2), l: Long.fromNumber(2) },
      { _id: 3, t: 1, i: 3, d: new Double(3), l: Long.fromNumber(3) },
      { _id: 4, g: null, t: 0, i: 4, d: new Double(4), l: Long.fromNumber(4) },
      { _id: 5, g: 'a', t: 1, i: 5, d: new Double(5), l: Long.fromNumber(5) },
    ]);
    const running = { documents: ['unbounded', 'current'] };
    const docs = await windowed(c, {
      partitionBy: '$g',
      sortBy: { t: 1 },
      output: {
        si: { $sum: '$i', window: running },
        sd: { $sum: '$d', window: running },
        sl: { $sum: '$l', window: running },
        count: { $count: {} },
      },
    });
    expect(ids(docs)).toEqual([4, 3, 5, 2, 1]);
    expect(docs.map((d) => [d.si, d.sd, d.sl, d.count].map(typed))).toEqual([
      [I(4), D(4), L(4), I(2)],
      [I(7), D(7), L(7), I(2)],
      [I(5), D(5), L(5), I(2)],
      [I(7), D(7), L(7), I(2)],
      [I(1), D(1), L(1), I(1)],
    ]);
  });

  it('keeps the input order without partitionBy and sortBy; outputs go to dotted paths, documents otherwise as stored', async () => {
    const c = await fresh([
      { _id: 3, v: new Double(1.5), s: { x: 1 } },
      { _id: 1, v: 2 },
      { _id: 2, v: new Double(3) },
    ]);
    const docs = await windowed(c, { output: { 's.total': { $sum: '$v' }, top: { $max: '$v' } } });
    expect(ids(docs)).toEqual([3, 1, 2]);
    expect(docs.map((d) => [typed(d.s.total), typed(d.top)])).toEqual([
      [D(6.5), D(3)],
      [D(6.5), D(3)],
      [D(6.5), D(3)],
    ]);
    expect(typed(docs[0].s.x)).toEqual(I(1));
    expect(typed(docs[0].v)).toEqual(D(1.5));
  });

  it('sets a dotted output in each element of an array, as $addFields does (elements that are not documents become documents)', async () => {
    const c = await fresh([{ _id: 1, t: 1, v: 2, docs: [{ a: 1 }, { b: 2 }], nums: [1, 2] }]);
    const [doc] = await windowed(c, { sortBy: { t: 1 }, output: { 'docs.sum': { $sum: '$v' }, 'nums.sum': { $sum: '$v' } } });
    expect(typed(doc.docs.map((d: Loose) => d.sum))).toEqual([I(2), I(2)]);
    expect(typed(doc.docs[0].a)).toEqual(I(1));
    expect(doc.nums.map((d: Loose) => Object.keys(d))).toEqual([['sum'], ['sum']]);
  });
});

describe('accumulators over windows', () => {
  const rows = [
    { _id: 1, t: 1, v: 1, l: Long.fromNumber(10) },
    { _id: 2, t: 2, v: new Double(2), l: Long.fromNumber(20) },
    { _id: 3, t: 3, v: 3, l: Long.fromNumber(30) },
    { _id: 4, t: 4, v: 'text', l: Long.fromNumber(40) },
  ];

  it('a bounded window types $sum by what it holds now: an integral total is an int32, a double in it makes a double', async () => {
    // window_function_sum.cpp: RemovableSum narrows an integral total to int32 when it fits, int64 inputs included.
    const c = await fresh(rows);
    const docs = await windowed(c, {
      sortBy: { t: 1 },
      output: { s: { $sum: '$v', window: { documents: [-1, 0] } }, sl: { $sum: '$l', window: { documents: [-1, 0] } } },
    });
    expect(docs.map((d) => [typed(d.s), typed(d.sl)])).toEqual([
      [I(1), I(10)],
      [D(3), I(30)],
      [D(5), I(50)],
      [I(3), I(70)],
    ]);
  });

  it('$avg is a double, $min/$max/$push/$addToSet keep values as stored, $stdDevPop/$stdDevSamp are doubles', async () => {
    const c = await fresh(rows);
    const [first, second] = await windowed(c, {
      sortBy: { t: 1 },
      output: {
        avg: { $avg: '$v', window: { documents: ['unbounded', 'current'] } },
        min: { $min: '$v', window: { documents: [0, 1] } },
        max: { $max: '$v', window: { documents: [0, 1] } },
        push: { $push: '$v', window: { documents: [0, 1] } },
        set: { $addToSet: '$v', window: { documents: [-1, 1] } },
        pop: { $stdDevPop: '$v', window: { documents: [0, 1] } },
        samp: { $stdDevSamp: '$v', window: { documents: ['current', 'current'] } },
      },
    });
    expect([first.avg, first.min, first.max, first.pop].map(typed)).toEqual([D(1), I(1), D(2), D(0.5)]);
    expect(first.samp).toBeNull();
    expect(typed(first.push)).toEqual([I(1), D(2)]);
    expect(typed(second.avg)).toEqual(D(1.5));
    expect(typed(second.push)).toEqual([D(2), I(3)]);
    expect(typed(second.set)).toEqual([I(1), D(2), I(3)]);
  });

  it('$first/$last, $firstN/$lastN, $topN, $top; an empty window gives null, 0 for $sum, [] for a list', async () => {
    const c = await fresh(rows);
    const docs = await windowed(c, {
      sortBy: { t: 1 },
      output: {
        first: { $first: '$v', window: { documents: [-1, 0] } },
        last: { $last: '$v', window: { documents: [1, 2] } },
        firstN: { $firstN: { n: 2, input: '$v' } },
        lastN: { $lastN: { n: 2, input: '$v' }, window: { documents: ['unbounded', 'current'] } },
        topN: { $topN: { n: 2, sortBy: { l: -1 }, output: '$v' }, window: { documents: [-2, 0] } },
        top: { $top: { sortBy: { t: 1 }, output: '$v' }, window: { documents: [-5, -5] } },
        none: { $sum: '$v', window: { documents: [5, 6] } },
        noneN: { $firstN: { n: 1, input: '$v' }, window: { documents: [5, 6] } },
      },
    });
    expect(docs.slice(0, 3).map((d) => typed(d.first))).toEqual([I(1), I(1), D(2)]);
    expect(typed(docs[3].first)).toEqual(I(3));
    expect(typed(docs[0].last)).toEqual(I(3));
    expect(docs[3].last).toBeNull();
    expect(typed(docs[0].firstN)).toEqual([I(1), D(2)]);
    expect(typed(docs[2].lastN)).toEqual([D(2), I(3)]);
    expect(typed(docs[2].topN)).toEqual([I(3), D(2)]);
    expect(docs[0].top).toBeNull();
    expect(typed(docs[0].none)).toEqual(I(0));
    expect(docs[0].noneN).toEqual([]);
  });
});

describe('range windows', () => {
  it('numeric ranges around the sortBy value, and time ranges with a unit', async () => {
    const day = 86_400_000;
    const c = await fresh([
      { _id: 1, x: 1, at: new Date(0), v: 1 },
      { _id: 2, x: 2, at: new Date(day), v: new Double(2) },
      { _id: 3, x: 4, at: new Date(3 * day), v: 4 },
      { _id: 4, x: 7, at: new Date(10 * day), v: 8 },
    ]);
    const byX = await windowed(c, { sortBy: { x: 1 }, output: { near: { $sum: '$v', window: { range: [-1, 2] } } } });
    expect(byX.map((d) => typed(d.near))).toEqual([D(3), D(7), I(4), I(8)]);
    const byDay = await windowed(c, {
      sortBy: { at: 1 },
      output: { lastTwoDays: { $push: '$_id', window: { range: [-2, 'current'], unit: 'day' } } },
    });
    expect(byDay.map((d) => typed(d.lastTwoDays))).toEqual([[I(1)], [I(1), I(2)], [I(2), I(3)], [I(4)]]);
  });

  it('refuses a range without one ascending numeric sortBy field, a date without a unit', async () => {
    const c = await fresh([
      { _id: 1, x: 1, s: 'a', at: new Date(0) },
      { _id: 2, x: 2, s: 'b', at: new Date(1) },
    ]);
    const sum = (window: Document) => ({ s: { $sum: '$x', window } });
    expect(await failure(c, { output: sum({ range: [-1, 1] }) })).toBe(5339902);
    expect(await failure(c, { sortBy: { x: 1, s: 1 }, output: sum({ range: [-1, 1] }) })).toBe(5339902);
    expect(await failure(c, { sortBy: { s: 1 }, output: sum({ range: [-1, 1] }) })).toBe(5429414);
    expect(await failure(c, { sortBy: { at: 1 }, output: sum({ range: [-1, 1] }) })).toBe(5429413);
    expect(await failure(c, { sortBy: { x: 1 }, output: sum({ range: [-1, 1], unit: 'day' }) })).toBe(5429513);
  });
});

describe('rank, shift and fill functions', () => {
  it('$rank, $denseRank, $documentNumber are int32 within each partition', async () => {
    const c = await fresh([
      { _id: 1, g: 1, score: 10 },
      { _id: 2, g: 1, score: new Double(10) },
      { _id: 3, g: 1, score: 7 },
      { _id: 4, g: 2, score: 1 },
    ]);
    const docs = await windowed(
      c,
      { partitionBy: '$g', sortBy: { score: -1 }, output: { rank: { $rank: {} }, dense: { $denseRank: {} }, number: { $documentNumber: {} } } },
      { $sort: { _id: 1 } },
    );
    expect(docs.map((d) => [d.rank, d.dense, d.number].map(typed))).toEqual([
      [I(1), I(1), I(1)],
      [I(1), I(1), I(2)],
      [I(3), I(2), I(3)],
      [I(1), I(1), I(1)],
    ]);
    expect(await failure(c, { output: { r: { $rank: {} } } })).toBe(5371602);
  });

  it('$shift takes the value as stored or the default, $locf carries the last value on, $linearFill interpolates a double', async () => {
    const c = await fresh([
      { _id: 1, t: 1, v: new Double(10) },
      { _id: 2, t: 2, v: null },
      { _id: 3, t: 4 },
      { _id: 4, t: 5, v: 40 },
      { _id: 5, t: 6 },
    ]);
    const docs = await windowed(c, {
      sortBy: { t: 1 },
      output: {
        prev: { $shift: { output: '$v', by: -1, default: 'none' } },
        locf: { $locf: '$v' },
        fill: { $linearFill: '$v' },
      },
    });
    expect(docs[0].prev).toBe('none');
    expect(typed(docs[1].prev)).toEqual(D(10));
    expect(docs[2].prev).toBeNull();
    expect('prev' in docs[3]).toBe(false); // the shifted document has no v: missing stays missing
    expect(docs.map((d) => typed(d.locf))).toEqual([D(10), D(10), D(10), I(40), I(40)]);
    expect(docs.map((d) => typed(d.fill))).toEqual([D(10), D(17.5), D(32.5), I(40), null]);
  });

  it('$derivative per unit, $integral by the trapezoidal rule, $expMovingAvg in Decimal128 then a double', async () => {
    const hour = 3_600_000;
    const c = await fresh([
      { _id: 1, at: new Date(0), km: 0, v: 1 },
      { _id: 2, at: new Date(hour), km: 50, v: 2 },
      { _id: 3, at: new Date(3 * hour), km: 150, v: 3 },
    ]);
    const docs = await windowed(c, {
      sortBy: { at: 1 },
      output: {
        speed: { $derivative: { input: '$km', unit: 'hour' }, window: { documents: [-1, 0] } },
        distance: { $integral: { input: '$v', unit: 'hour' }, window: { documents: ['unbounded', 'current'] } },
        ema: { $expMovingAvg: { input: '$v', N: 2 } },
        emaAlpha: { $expMovingAvg: { input: '$v', alpha: 0.5 } },
      },
    });
    expect(docs.map((d) => typed(d.speed))).toEqual([null, D(50), D(50)]);
    expect(docs.map((d) => typed(d.distance))).toEqual([D(0), D(1.5), D(6.5)]);
    expect(docs.map((d) => typed(d.ema))).toEqual([D(1), D(1.6666666666666667), D(2.5555555555555554)]);
    expect(docs.map((d) => typed(d.emaAlpha))).toEqual([D(1), D(1.5), D(2.25)]);
    const dec = await fresh([
      { _id: 1, t: 1, v: Decimal128.fromString('1') },
      { _id: 2, t: 2, v: Decimal128.fromString('2') },
    ]);
    const [, second] = await windowed(dec, { sortBy: { t: 1 }, output: { ema: { $expMovingAvg: { input: '$v', alpha: 0.5 } } } });
    expect(second.ema).toBeInstanceOf(Decimal128);
    expect(Number(second.ema.toString())).toBe(1.5);
  });
});

describe('errors', () => {
  it('answers the server codes for bad specifications', async () => {
    const c = await fresh([{ _id: 1, t: 1, v: 1, arr: [1, 2] }]);
    const code = (spec: Document) => failure(c, spec);
    expect(await code({ output: { v: { $summ: '$v' } } })).toBe(9);
    expect(await code({ output: { v: { sum: '$v' } } })).toBe(9);
    expect(await code({ sortBy: { t: 1 }, output: { v: { $sum: '$v', window: { documents: [1, -1] } } } })).toBe(5339900);
    expect(await code({ sortBy: { t: 1 }, output: { v: { $sum: '$v', window: { documents: ['current', 'nope'] } } } })).toBe(9);
    expect(await code({ output: { v: { $sum: '$v', window: { documents: ['unbounded', 'current'] } } } })).toBe(5339901);
    expect(await code({ output: { a: { $sum: 1 }, 'a.b': { $sum: 1 } } })).toBe(6307900);
    expect(await code({ partitionBy: '$arr', output: { v: { $sum: 1 } } })).toBe(14);
    expect(await code({ output: { v: { $shift: { output: '$v', by: 1 } } } })).toBe(9);
    expect(await code({ sortBy: { t: 1, v: 1 }, output: { v: { $linearFill: '$v' } } })).toBe(605001);
    expect(await code({ unknown: 1, output: {} })).toBe(40415);
  });

  it('answers 238 naming a window function this server does not compute', async () => {
    if (!t.inProcess) return; // a server computes it
    const c = await fresh([{ _id: 1, v: 1 }]);
    const err = await rejection(windowed(c, { output: { m: { $median: { input: '$v', method: 'approximate' } } } }));
    expect(Number(err.code)).toBe(238);
    expect(err.message).toContain('$median');
  });
});
