import mongoose from 'mongoose';
import type { Collection } from 'mongodb';
import { rejection, startTarget, type Target } from './harness';

let t: Target;
beforeAll(async () => {
  t = await startTarget('indexes');
});
afterAll(() => t.close());

const fresh = async (name: string): Promise<Collection<any>> => {
  await t.db
    .collection(name)
    .drop()
    .catch(() => undefined);
  return t.db.collection(name);
};

describe('index management', () => {
  it('creates, lists and drops indexes; re-creating the same index is a no-op', async () => {
    const c = await fresh('ix');
    expect(await c.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    expect(await c.createIndex({ a: 1, b: -1 })).toBe('a_1_b_-1');
    await c.createIndex({ e: 1 }, { unique: true, name: 'by_e', sparse: true });
    const listed = await c.listIndexes().toArray();
    expect(listed.map((i) => i.name)).toEqual(['_id_', 'a_1_b_-1', 'by_e']);
    expect(listed[2]).toMatchObject({ key: { e: 1 }, unique: true, sparse: true });
    const conflict = await rejection(c.createIndex({ e: 1 }, { name: 'by_e', unique: false }));
    expect([85, 86]).toContain(conflict.code);
    await c.dropIndex('a_1_b_-1');
    expect((await c.indexes()).map((i) => i.name)).toEqual(['_id_', 'by_e']);
    await c.dropIndexes();
    expect((await c.indexes()).map((i) => i.name)).toEqual(['_id_']);
    expect((await rejection(c.dropIndex('nope'))).code).toBe(27);
    expect((await rejection(t.db.collection('no_such_coll').indexes())).code).toBe(26);
  });
});

describe('unique indexes', () => {
  it('rejects duplicates with E11000 errors carrying keyPattern and keyValue', async () => {
    const c = await fresh('uniq');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ email: 'a@b.c' });
    const err = await rejection(c.insertOne({ email: 'a@b.c' }));
    expect(err.code).toBe(11000);
    expect(err.message).toBe(`E11000 duplicate key error collection: ${t.dbName}.uniq index: email_1 dup key: { email: "a@b.c" }`);
    expect(err.keyPattern).toEqual({ email: 1 });
    expect(err.keyValue).toEqual({ email: 'a@b.c' });
    await c.insertOne({ email: 'x@y.z' });
    const upd = await rejection(c.updateOne({ email: 'x@y.z' }, { $set: { email: 'a@b.c' } }));
    expect(upd.code).toBe(11000);
    const fam = await rejection(c.findOneAndUpdate({ email: 'x@y.z' }, { $set: { email: 'a@b.c' } }));
    expect(fam.code).toBe(11000);
    expect(fam.codeName).toBe('DuplicateKey');
    expect(fam.keyValue).toEqual({ email: 'a@b.c' });
    const id = await rejection(c.insertOne({ _id: (await c.findOne({ email: 'a@b.c' }))!._id, email: 'other' }));
    expect(id.code).toBe(11000);
    expect(id.message).toContain('index: _id_ dup key: { _id: ObjectId(');
  });

  it('reports the failing statement in bulk inserts, ordered or not', async () => {
    const c = await fresh('bulk');
    await c.createIndex({ k: 1 }, { unique: true });
    const ordered = await rejection(c.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }]));
    expect(ordered.writeErrors?.[0]?.index ?? ordered.index).toBe(1);
    expect(await c.countDocuments()).toBe(1);
    await rejection(c.insertMany([{ k: 3 }, { k: 1 }, { k: 4 }], { ordered: false }));
    expect((await c.find({}, { sort: { k: 1 } }).toArray()).map((d) => d.k)).toEqual([1, 3, 4]);
  });

  it('checks compound, sparse, partial and missing-field keys as a server does', async () => {
    const c = await fresh('kinds');
    await c.createIndex({ a: 1, b: 1 }, { unique: true });
    await c.insertMany([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
    ]);
    const dup = await rejection(c.insertOne({ a: 1, b: 'x' }));
    expect(dup.message).toContain('dup key: { a: 1, b: "x" }');
    expect(dup.keyPattern).toEqual({ a: 1, b: 1 });

    const s = await fresh('sparse');
    await s.createIndex({ code: 1 }, { unique: true, sparse: true });
    await s.insertMany([{ n: 1 }, { n: 2 }, { code: 'c' }]);
    expect((await rejection(s.insertOne({ code: 'c' }))).code).toBe(11000);

    const p = await fresh('partial');
    await p.createIndex({ slug: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await p.insertMany([
      { slug: 's', active: false },
      { slug: 's', active: false },
      { slug: 's', active: true },
    ]);
    expect((await rejection(p.insertOne({ slug: 's', active: true }))).code).toBe(11000);

    const m = await fresh('missing');
    await m.createIndex({ email: 1 }, { unique: true });
    await m.insertOne({ n: 1 });
    const missing = await rejection(m.insertOne({ n: 2 }));
    expect(missing.message).toContain('dup key: { email: null }');

    const multikey = await fresh('multikey');
    await multikey.createIndex({ tags: 1 }, { unique: true });
    await multikey.insertOne({ tags: ['a', 'b'] });
    expect((await rejection(multikey.insertOne({ tags: ['c', 'b'] }))).code).toBe(11000);
  });

  it('answers raw write commands with writeErrors, and findAndModify with a top-level error', async () => {
    const c = await fresh('raw');
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertOne({ k: 1 });
    const reply = await t.db.command({ insert: 'raw', documents: [{ k: 2 }, { k: 1 }, { k: 3 }], ordered: false });
    expect(reply.n).toBe(2);
    expect(reply.writeErrors).toHaveLength(1);
    expect(reply.writeErrors[0]).toMatchObject({ index: 1, code: 11000, keyPattern: { k: 1 }, keyValue: { k: 1 } });
    expect(reply.writeErrors[0].errmsg).toBe(`E11000 duplicate key error collection: ${t.dbName}.raw index: k_1 dup key: { k: 1 }`);
    const upd = await t.db.command({ update: 'raw', updates: [{ q: { k: 2 }, u: { $set: { k: 3 } } }] });
    expect(upd.writeErrors[0]).toMatchObject({ index: 0, code: 11000, keyValue: { k: 3 } });
    const fam = await rejection(t.db.command({ findAndModify: 'raw', query: { k: 2 }, update: { $set: { k: 3 } } }));
    expect(fam).toMatchObject({ code: 11000, codeName: 'DuplicateKey', keyPattern: { k: 1 }, keyValue: { k: 3 } });
  });

  it('refuses to build a unique index over existing duplicates', async () => {
    const c = await fresh('late');
    await c.insertMany([{ v: 1 }, { v: 1 }]);
    expect((await rejection(c.createIndex({ v: 1 }, { unique: true }))).code).toBe(11000);
    expect((await c.indexes()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('gives mongoose the duplicate-key error it expects', async () => {
    const conn = await mongoose.createConnection(t.uri, { dbName: t.dbName }).asPromise();
    try {
      const User = conn.model('User', new mongoose.Schema({ email: { type: String, unique: true }, name: String }));
      await User.init();
      await User.create({ email: 'm@x.org', name: 'M' });
      const err = await rejection(User.create({ email: 'm@x.org', name: 'N' }));
      expect(err.name).toBe('MongoServerError');
      expect(err.code).toBe(11000);
      expect(err.keyValue).toEqual({ email: 'm@x.org' });
      expect(await User.countDocuments()).toBe(1);
    } finally {
      await conn.close();
    }
  });
});

describe('TTL indexes', () => {
  // A real server's TTL monitor runs once a minute; the in-process one every second.
  const ttl = process.env.MONGODB_URI ? it.skip : it;
  ttl('delete documents within seconds of their expiry', async () => {
    const c = await fresh('ttl');
    await c.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    await c.insertMany([
      { k: 'old', expiresAt: new Date(Date.now() - 1000) },
      { k: 'new', expiresAt: new Date(Date.now() + 3_600_000) },
      { k: 'none' },
    ]);
    for (let i = 0; i < 40 && (await c.countDocuments({ k: 'old' })) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await c.find({}, { sort: { k: 1 } }).toArray()).map((d) => d.k)).toEqual(['new', 'none']);
  });
});

describe('text search', () => {
  let c: Collection<any>;
  beforeAll(async () => {
    c = await fresh('articles');
    await c.createIndex({ title: 'text', body: 'text' }, { weights: { title: 5 } });
    await c.insertMany([
      { _id: 1 as never, title: 'Music festival', body: 'Street music all night in the old town' },
      { _id: 2 as never, title: 'Design week', body: 'Furniture and graphic design, some music' },
      { _id: 3 as never, title: 'Gastronomy', body: 'Markets, pintxos and a FESTIVAL of cider' },
      { _id: 4 as never, title: 'Cities of literature', body: 'Libraries and readings' },
    ]);
  });
  const ids = async (search: string) => (await c.find({ $text: { $search: search } }).toArray()).map((d) => d._id as unknown as number).sort();

  it('finds words case-insensitively, any of several words, and plurals', async () => {
    expect(await ids('MUSIC')).toEqual([1, 2]);
    expect(await ids('cider design')).toEqual([2, 3]);
    expect(await ids('city')).toEqual([4]);
  });

  it('supports quoted phrases and negated words', async () => {
    expect(await ids('"music festival"')).toEqual([1]);
    expect(await ids('festival -cider')).toEqual([1]);
    expect(await ids('the')).toEqual([]);
  });

  it('sorts and projects by textScore, field weights counting', async () => {
    const found = await c
      .find({ $text: { $search: 'music' } }, { projection: { score: { $meta: 'textScore' }, title: 1 }, sort: { score: { $meta: 'textScore' } } })
      .toArray();
    expect(found.map((d) => d._id)).toEqual([1, 2]);
    expect(found[0].score).toBeGreaterThan(found[1].score);
    const agg = await c
      .aggregate([{ $match: { $text: { $search: 'festival' } } }, { $sort: { s: { $meta: 'textScore' } } }, { $project: { _id: 1 } }])
      .toArray();
    expect(agg.map((d) => d._id)).toEqual([1, 3]);
  });

  it('lists the text index in the server form', async () => {
    const text = (await c.indexes()).find((i) => i.name === 'title_text_body_text');
    expect(text).toMatchObject({ key: { _fts: 'text', _ftsx: 1 }, weights: { title: 5, body: 1 }, default_language: 'english' });
  });

  it('combines $text with other conditions and needs a text index', async () => {
    expect((await c.find({ $text: { $search: 'music' }, _id: { $gt: 1 } }).toArray()).map((d) => d._id)).toEqual([2]);
    const err = await rejection(
      t.db
        .collection('uniq')
        .find({ $text: { $search: 'x' } })
        .toArray(),
    );
    expect(err.code).toBe(27);
  });
});
