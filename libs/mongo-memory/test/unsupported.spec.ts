import { rejection, startTarget, type Target } from './harness';

/**
 * What this server cannot honour must fail loudly (238 NotImplemented or a clear error), never
 * succeed silently. A real server supports these, so the file only runs in-process.
 */
const describeInProcess = process.env.MONGODB_URI ? describe.skip : describe;

describeInProcess('refused features', () => {
  let t: Target;
  beforeAll(async () => {
    t = await startTarget('unsupported');
    await t.db.collection('c').insertOne({ a: 1, s: 'x' });
  });
  afterAll(() => t.close());

  const code = async (p: Promise<unknown>) => {
    const err = await rejection(p);
    expect(err.message).toMatch(/not supported|NotImplemented/);
    return err.code;
  };

  it('refuses options it would otherwise ignore', async () => {
    const c = t.db.collection('c');
    expect(await code(c.find({}, { collation: { locale: 'fr', strength: 2 } }).toArray())).toBe(238);
    expect(await code(c.aggregate([{ $out: 'other' }]).toArray())).toBe(238);
    expect(await code(c.aggregate([{ $merge: { into: 'other' } }]).toArray())).toBe(238);
    expect(await code(t.db.createCollection('capped', { capped: true, size: 1024 }))).toBe(238);
    expect(await code(t.db.createCollection('validated', { validator: { a: { $type: 'int' } } }))).toBe(238);
    expect(await code(c.createIndex({ loc: '2dsphere' }))).toBe(238);
    expect(await code(c.createIndex({ a: 1 }, { collation: { locale: 'en' } }))).toBe(238);
    await c.createIndex({ s: 'text' });
    expect(await code(c.find({ $text: { $search: 'x', $language: 'german' } }).toArray())).toBe(238);
    expect(await code(c.insertOne({ s: 'Straße', language: 'de' }))).toBe(238);
    expect(await code(t.db.collection('v2').createIndex({ s: 'text' }, { textIndexVersion: 2 }))).toBe(238);
    expect(await code(c.watch([], { fullDocument: 'whenAvailable' }).tryNext())).toBe(238);
    expect((await rejection(c.find().explain())).code).toBe(59);
  });

  it('rejects operators mingo does not know with a clear error', async () => {
    const c = t.db.collection('c');
    const near = await rejection(c.find({ loc: { $near: [0, 0] } }).toArray());
    expect(near.message).toMatch(/\$near/);
    const where = await rejection(c.find({ $where: 'this.a == 1' }).toArray());
    expect(where.message).toMatch(/\$where/);
  });

  it('answers 238 for the deliberately unsupported: geospatial, server-side JavaScript', async () => {
    const c = t.db.collection('c');
    expect(await code(c.find({ loc: { $near: [0, 0] } }).toArray())).toBe(238);
    expect(await code(c.find({ loc: { $geoWithin: { $center: [[0, 0], 1] } } }).toArray())).toBe(238);
    expect(await code(c.aggregate([{ $geoNear: { near: [0, 0], distanceField: 'd' } }]).toArray())).toBe(238);
    expect(await code(c.find({ $where: 'this.a == 1' }).toArray())).toBe(238);
    expect(await code(c.aggregate([{ $project: { x: { $function: { body: 'function() { return 1 }', args: [], lang: 'js' } } } }]).toArray())).toBe(
      238,
    );
    expect(await code(t.db.createCollection('series', { timeseries: { timeField: 't' } }))).toBe(238);
  });
});
