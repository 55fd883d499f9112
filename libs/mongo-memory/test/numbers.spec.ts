import { Decimal128, Long, type Collection, type MongoClient } from 'mongodb';
import { startTarget, type Target } from './harness';

let t: Target;
let big: MongoClient;
beforeAll(async () => {
  t = await startTarget('numbers');
  big = await t.connect({ useBigInt64: true });
});
afterAll(() => t.close());

const fresh = async (name: string): Promise<Collection> => {
  const c = big.db(t.dbName).collection(name);
  await c.deleteMany({});
  return c;
};

const TWO_53 = 9007199254740992n;

describe('int64', () => {
  it('keeps values beyond 2^53 exact through storage, $inc and $sum', async () => {
    const c = await fresh('longs');
    await c.insertOne({ _id: 1 as never, n: TWO_53 + 1n });
    expect((await c.findOne({ _id: 1 as never }))!.n).toBe(TWO_53 + 1n);
    await c.updateOne({ _id: 1 as never }, { $inc: { n: 2 } });
    expect((await c.findOne({ _id: 1 as never }))!.n).toBe(TWO_53 + 3n);
    await c.updateOne({ _id: 1 as never }, { $inc: { n: Long.fromBigInt(-3n) } });
    expect((await c.findOne({ _id: 1 as never }))!.n).toBe(TWO_53);
    await c.insertOne({ _id: 2 as never, n: 1n });
    const [sum] = await c.aggregate([{ $group: { _id: null, total: { $sum: '$n' } } }]).toArray();
    expect(sum.total).toBe(TWO_53 + 1n);
  });

  it('compares and sorts int64 numerically against other numbers', async () => {
    const c = await fresh('cmp');
    await c.insertMany([
      { _id: 'a' as never, n: 10n },
      { _id: 'b' as never, n: 9 },
      { _id: 'c' as never, n: 9.5 },
      { _id: 'd' as never, n: 100n },
      { _id: 'e' as never, n: -1n },
    ]);
    const order = (await c.find({}, { sort: { n: 1 } }).toArray()).map((d) => d._id);
    expect(order).toEqual(['e', 'b', 'c', 'a', 'd']);
    expect((await c.find({ n: { $gt: 9 } }, { sort: { n: 1 } }).toArray()).map((d) => d._id)).toEqual(['c', 'a', 'd']);
    expect((await c.find({ n: 10 }).toArray()).map((d) => d._id)).toEqual(['a']);
    expect((await c.find({ n: { $in: [100, 9] } }, { sort: { n: 1 } }).toArray()).map((d) => d._id)).toEqual(['b', 'd']);
    const [max] = await c.aggregate([{ $group: { _id: null, top: { $max: '$n' }, low: { $min: '$n' } } }]).toArray();
    expect([max.top, max.low]).toEqual([100n, -1n]);
    const flags = await c.aggregate([{ $sort: { _id: 1 } }, { $project: { big: { $gt: ['$n', 9] }, ten: { $in: [10, ['$n']] } } }]).toArray();
    expect(flags.map((d) => [d.big, d.ten])).toEqual([
      [true, true],
      [false, false],
      [true, false],
      [true, false],
      [false, false],
    ]);
  });
});

describe('Decimal128', () => {
  it('adds and multiplies exactly', async () => {
    const c = await fresh('decimals');
    await c.insertOne({ _id: 1 as never, d: Decimal128.fromString('0.2') });
    await c.updateOne({ _id: 1 as never }, { $inc: { d: Decimal128.fromString('0.1') } });
    expect((await c.findOne({ _id: 1 as never }))!.d.toString()).toBe('0.3');
    await c.updateOne({ _id: 1 as never }, { $mul: { d: Decimal128.fromString('3') } });
    expect((await c.findOne({ _id: 1 as never }))!.d.toString()).toBe('0.9');
    const [r] = await c.aggregate([{ $project: { x: { $add: ['$d', Decimal128.fromString('0.1')] } } }]).toArray();
    expect(r.x.toString()).toBe('1.0');
  });

  it('compares with other numeric types by value', async () => {
    const c = await fresh('deccmp');
    await c.insertMany([
      { _id: 1 as never, v: Decimal128.fromString('1.5') },
      { _id: 2 as never, v: 2 },
      { _id: 3 as never, v: Decimal128.fromString('10') },
      { _id: 4 as never, v: 3n },
    ]);
    expect((await c.find({}, { sort: { v: -1 } }).toArray()).map((d) => d._id)).toEqual([3, 4, 2, 1]);
    expect((await c.find({ v: { $gte: Decimal128.fromString('2.0') } }, { sort: { _id: 1 } }).toArray()).map((d) => d._id)).toEqual([2, 3, 4]);
    expect((await c.find({ v: 10 }).toArray()).map((d) => d._id)).toEqual([3]);
  });
});
