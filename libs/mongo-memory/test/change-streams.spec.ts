import type { ChangeStream, ChangeStreamDocument, ClientSession, Collection, Db, Document } from 'mongodb';
import { rejection, startTarget, type Target } from './harness';

let t: Target;
const streams: ChangeStream[] = [];
beforeAll(async () => {
  t = await startTarget('streams');
});
afterEach(async () => {
  for (const s of streams.splice(0)) await s.close();
});
afterAll(() => t.close());

const fresh = async (name: string): Promise<Collection> => {
  await t.db
    .collection(name)
    .drop()
    .catch(() => undefined);
  await t.db.createCollection(name);
  return t.db.collection(name);
};

function watch<T extends Document>(
  target: { watch: (p?: Document[], o?: Document) => ChangeStream<T> },
  pipeline: Document[] = [],
  options: Document = {},
) {
  const stream = target.watch(pipeline, { maxAwaitTimeMS: 100, ...options });
  streams.push(stream as unknown as ChangeStream);
  return stream;
}

/** Opens the stream on the server (the driver does it lazily) so later writes are seen. */
async function opened<T extends Document>(stream: ChangeStream<T>): Promise<ChangeStream<T>> {
  expect(await stream.tryNext()).toBeNull();
  return stream;
}

async function take(stream: ChangeStream, n: number): Promise<ChangeStreamDocument[]> {
  const out: ChangeStreamDocument[] = [];
  while (out.length < n) out.push(await stream.next());
  return out;
}

describe('change streams', () => {
  it('reports insert, update, replace and delete events of a collection', async () => {
    const c = await fresh('events');
    const stream = await opened(watch(c));
    await c.insertOne({ _id: 1 as never, a: 1, sub: { x: 1, y: 1 } });
    await c.updateOne({ _id: 1 as never }, { $set: { 'sub.x': 2, b: 1 }, $unset: { a: '' } });
    await c.replaceOne({ _id: 1 as never }, { z: 1 });
    await c.deleteOne({ _id: 1 as never });
    const [ins, upd, rep, del] = (await take(stream as unknown as ChangeStream, 4)) as any[];
    expect(ins).toMatchObject({
      operationType: 'insert',
      ns: { db: t.dbName, coll: 'events' },
      documentKey: { _id: 1 },
      fullDocument: { _id: 1, a: 1, sub: { x: 1, y: 1 } },
    });
    expect(upd.operationType).toBe('update');
    expect(upd.updateDescription.updatedFields).toEqual({ 'sub.x': 2, b: 1 });
    expect(upd.updateDescription.removedFields).toEqual(['a']);
    expect(upd.fullDocument).toBeUndefined();
    expect(rep).toMatchObject({ operationType: 'replace', fullDocument: { _id: 1, z: 1 } });
    expect(del).toMatchObject({ operationType: 'delete', documentKey: { _id: 1 } });
    expect(ins._id).toBeDefined();
  });

  it('looks up the current document for updates with fullDocument: updateLookup', async () => {
    const c = await fresh('lookup');
    const stream = await opened(watch(c, [], { fullDocument: 'updateLookup' }));
    await c.insertOne({ _id: 1 as never, n: 1 });
    await c.updateOne({ _id: 1 as never }, { $inc: { n: 1 } });
    const [, upd] = (await take(stream as unknown as ChangeStream, 2)) as any[];
    expect(upd.fullDocument).toEqual({ _id: 1, n: 2 });
  });

  it('resumes after a token and starts after one', async () => {
    const c = await fresh('resume');
    const first = await opened(watch(c));
    await c.insertMany([{ _id: 1 as never }, { _id: 2 as never }, { _id: 3 as never }]);
    const events = (await take(first as unknown as ChangeStream, 3)) as any[];
    const resumed = watch(c, [], { resumeAfter: events[0]._id });
    expect(((await resumed.next()) as any).documentKey._id).toBe(2);
    const started = watch(c, [], { startAfter: events[1]._id });
    expect(((await started.next()) as any).documentKey._id).toBe(3);
    expect(first.resumeToken).toBeDefined();
  });

  it('watches a whole database and filters with a pipeline', async () => {
    const a = await fresh('db_a');
    const b = await fresh('db_b');
    const stream = await opened(watch(t.db, [{ $match: { operationType: 'insert' } }]));
    await a.insertOne({ _id: 'a' as never });
    await a.deleteOne({ _id: 'a' as never });
    await b.insertOne({ _id: 'b' as never });
    const events = (await take(stream as unknown as ChangeStream, 2)) as any[];
    expect(events.map((e) => [e.ns.coll, e.operationType])).toEqual([
      ['db_a', 'insert'],
      ['db_b', 'insert'],
    ]);
  });

  it('shows transaction writes only once committed', async () => {
    const c = await fresh('txn_events');
    const stream = await opened(watch(c));
    const session = t.client.startSession();
    session.startTransaction();
    await c.insertOne({ _id: 1 as never }, { session });
    await c.insertOne({ _id: 2 as never }, { session });
    expect(await stream.tryNext()).toBeNull();
    await session.commitTransaction();
    await session.endSession();
    const events = (await take(stream as unknown as ChangeStream, 2)) as any[];
    expect(events.map((e) => e.documentKey._id)).toEqual([1, 2]);
    expect(events[0].txnNumber).toBeDefined();
  });

  it('refuses a change stream inside a transaction and a malformed resume token', async () => {
    const c = await fresh('refused');
    const session = t.client.startSession();
    session.startTransaction();
    await c.insertOne({}, { session });
    const inTxn = await c
      .aggregate([{ $changeStream: {} }], { session })
      .toArray()
      .catch((e) => e);
    expect(inTxn.code).toBe(263);
    await session.abortTransaction().catch(() => undefined);
    await session.endSession();
    const bad = await watch(c, [], { resumeAfter: { _data: 'not-a-token' } })
      .tryNext()
      .catch((e) => e);
    expect(bad).toBeInstanceOf(Error);
  });

  it('waits in getMore until an event arrives', async () => {
    const c = await fresh('waiting');
    const client = await t.connect({ monitorCommands: true });
    const stream = watch(client.db(t.dbName).collection('waiting'), [], { maxAwaitTimeMS: 10_000 });
    // Insert once the stream's first getMore is on its way: it must wake up for the event.
    client.once('commandStarted', function onStart(e) {
      if (e.commandName === 'getMore') void c.insertOne({ _id: 'late' as never });
      else client.once('commandStarted', onStart);
    });
    expect(((await stream.next()) as any).documentKey._id).toBe('late');
  });
});

/** The error a stream's next event rejects with. */
async function failure(stream: ChangeStream): Promise<Record<string, any>> {
  return rejection(stream.next());
}

describe('change stream pipelines', () => {
  it('fails the stream with 280 when a stage removes or changes the resume token (_id) of an event it hands out', async () => {
    const c = await fresh('token_removed');
    const removed = await opened(watch(c, [{ $project: { _id: 0 } }]));
    const changed = await opened(watch(c, [{ $set: { '_id.extra': 1 } }]));
    // A stage that keeps _id, and one that drops the events it would break, are fine.
    const kept = await opened(watch(c, [{ $project: { operationType: 1 } }]));
    const filtered = await opened(watch(c, [{ $match: { operationType: 'delete' } }, { $project: { _id: 0 } }]));
    await c.insertOne({ _id: 1 as never });
    for (const stream of [removed, changed]) {
      const err = await failure(stream as unknown as ChangeStream);
      expect(err.code).toBe(280);
      expect(err.codeName).toBe('ChangeStreamFatalError');
      expect(err.errorLabels ?? [...(err.errorLabelSet ?? [])]).toContain('NonResumableChangeStreamError');
    }
    expect(Object.keys(await kept.next())).toEqual(['_id', 'operationType']);
    expect(await filtered.tryNext()).toBeNull();
  });

  it('answers 40324 for an unknown stage and 20 for a known one not allowed after $changeStream', async () => {
    const c = await fresh('stages');
    const code = async (pipeline: Document[]) => (await rejection(c.aggregate([{ $changeStream: {} }, ...pipeline]).toArray())).code;
    expect(await code([{ $unsupported: 'foo' }])).toBe(40324);
    expect(await code([{ $group: { _id: null } }])).toBe(20);
    expect(await code([{ $limit: 1 }])).toBe(20);
    // The whole pipeline is parsed before stages are checked against the change stream's list.
    expect(await code([{ $group: { _id: null } }, { $unsupported: 'foo' }])).toBe(40324);
    expect(await code([{ $match: {}, $project: { a: 1 } }])).toBe(40323);
  });
});

describe('change stream update descriptions', () => {
  it('names changed array elements, and reports an array that shrank as truncated', async () => {
    const c = await fresh('array_paths');
    await c.insertOne({ _id: 1 as never, arr: [1, 2, 3], docs: [{ n: 1 }, { n: 5 }], array: ['foo', { a: 'bar' }, 1, 2, 3], whole: [1, 2] });
    const stream = await opened(watch(c));
    await c.updateOne({ _id: 1 as never }, { $push: { arr: 4 } } as never);
    await c.updateOne({ _id: 1 as never }, { $set: { 'arr.1': 20 } });
    await c.updateOne({ _id: 1 as never }, { $set: { 'docs.0.n': 2 } });
    await c.updateOne({ _id: 1 as never }, [{ $set: { array: ['foo', { a: 'bar' }] } }]);
    await c.updateOne({ _id: 1 as never }, { $set: { whole: [7, 8, 9] } });
    const events = (await take(stream as unknown as ChangeStream, 5)) as any[];
    expect(events.map((e) => e.updateDescription)).toEqual([
      { updatedFields: { 'arr.3': 4 }, removedFields: [], truncatedArrays: [] },
      { updatedFields: { 'arr.1': 20 }, removedFields: [], truncatedArrays: [] },
      { updatedFields: { 'docs.0.n': 2 }, removedFields: [], truncatedArrays: [] },
      { updatedFields: {}, removedFields: [], truncatedArrays: [{ field: 'array', newSize: 2 }] },
      { updatedFields: { whole: [7, 8, 9] }, removedFields: [], truncatedArrays: [] },
    ]);
  });

  it('reports a shrunk array whose kept elements changed inside by a truncation and element paths (pipeline update)', async () => {
    // Large values keep a server's diff smaller than the array, so it describes it element by element.
    const big = '*'.repeat(128);
    const c = await fresh('array_nested');
    await c.insertOne({ _id: 1 as never, obj: { list: [[{ a: { b: 1, big } }, 'dropped']] } });
    const stream = await opened(watch(c));
    await c.updateOne({ _id: 1 as never }, [{ $set: { 'obj.list': { $literal: [[{ a: { b: 2, big } }]] } } }]);
    expect(((await stream.next()) as any).updateDescription).toEqual({
      updatedFields: { 'obj.list.0.0.a.b': 2 },
      removedFields: [],
      truncatedArrays: [{ field: 'obj.list.0', newSize: 1 }],
    });
  });
});

describe('showExpandedEvents', () => {
  const uuidOf = async (name: string) => ((await t.db.listCollections({ name }).next()) as any).info.uuid;

  it('adds collectionUUID, and disambiguatedPaths for paths with numeric field names', async () => {
    const c = await fresh('expanded');
    await c.insertMany([
      { _id: 1 as never, a: [{ 1: 1 }] },
      { _id: 2 as never, a: { 1: 1 } },
      { _id: 3 as never, b: [1, 5] },
    ]);
    const stream = await opened(watch(c, [], { showExpandedEvents: true }));
    const plain = await opened(watch(c));
    await c.updateOne({ _id: 1 as never }, { $set: { 'a.0.1': 2 } });
    await c.updateOne({ _id: 2 as never }, { $set: { 'a.1': 2 } });
    await c.updateOne({ _id: 3 as never }, { $set: { 'b.0': 2 } });
    const [first, second, third] = (await take(stream as unknown as ChangeStream, 3)) as any[];
    expect(first.collectionUUID.toHexString()).toBe((await uuidOf('expanded')).toHexString());
    expect(first.updateDescription.updatedFields).toEqual({ 'a.0.1': 2 });
    expect(first.updateDescription.disambiguatedPaths).toEqual({ 'a.0.1': ['a', 0, '1'] });
    expect(second.updateDescription.disambiguatedPaths).toEqual({ 'a.1': ['a', '1'] });
    // An array index alone is no ambiguity.
    expect(third.updateDescription).toEqual({ updatedFields: { 'b.0': 2 }, removedFields: [], truncatedArrays: [], disambiguatedPaths: {} });
    const without = (await plain.next()) as any;
    expect(without.collectionUUID).toBeUndefined();
    expect(without.updateDescription.disambiguatedPaths).toBeUndefined();
  });

  it('reports create, createIndexes, dropIndexes and modify events, only to streams that ask for them', async () => {
    await t.db
      .collection('ddl')
      .drop()
      .catch(() => undefined);
    const stream = await opened(watch(t.db, [{ $match: { 'ns.coll': 'ddl' } }], { showExpandedEvents: true }));
    const plain = await opened(watch(t.db, [{ $match: { 'ns.coll': 'ddl' } }]));
    const c = await t.db.createCollection('ddl');
    await c.createIndex({ y: 1 });
    await t.db.command({ collMod: 'ddl', index: { name: 'y_1', hidden: true } });
    await c.dropIndex('y_1');
    await c.insertOne({ _id: 1 as never });
    const events = (await take(stream as unknown as ChangeStream, 5)) as any[];
    expect(events.map((e) => e.operationType)).toEqual(['create', 'createIndexes', 'modify', 'dropIndexes', 'insert']);
    const uuid = (await uuidOf('ddl')).toHexString();
    for (const e of events) {
      expect(e.ns).toEqual({ db: t.dbName, coll: 'ddl' });
      expect(e.collectionUUID.toHexString()).toBe(uuid);
    }
    const [create, createIndexes, modify, dropIndexes] = events;
    expect(create.operationDescription).toMatchObject({ idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } });
    expect(create.documentKey).toBeUndefined();
    expect(createIndexes.operationDescription).toEqual({ indexes: [{ v: 2, key: { y: 1 }, name: 'y_1' }] });
    expect(modify.operationDescription).toEqual({ index: { name: 'y_1', hidden: true } });
    expect(dropIndexes.operationDescription).toMatchObject({ indexes: [{ v: 2, key: { y: 1 }, name: 'y_1' }] });
    // Without showExpandedEvents only the insert is reported.
    expect(((await plain.next()) as any).operationType).toBe('insert');
  });

  it('reports a collection created by its first insert before the insert', async () => {
    await t.db
      .collection('implicit')
      .drop()
      .catch(() => undefined);
    const stream = await opened(watch(t.db, [{ $match: { 'ns.coll': 'implicit' } }], { showExpandedEvents: true }));
    await t.db.collection('implicit').insertOne({ _id: 1 as never });
    const events = (await take(stream as unknown as ChangeStream, 2)) as any[];
    expect(events.map((e) => e.operationType)).toEqual(['create', 'insert']);
  });
  it('reports a collection and index a transaction created at its commit, before its writes', async () => {
    await t.db
      .collection('txn_created')
      .drop()
      .catch(() => undefined);
    const stream = await opened(watch(t.db, [{ $match: { 'ns.coll': 'txn_created' } }], { showExpandedEvents: true }));
    const session = t.client.startSession();
    try {
      await session.withTransaction(async () => {
        const c = await t.db.createCollection('txn_created', { session });
        await c.createIndex({ k: 1 }, { session });
        await c.insertOne({ _id: 1 as never, k: 1 }, { session });
      });
    } finally {
      await session.endSession();
    }
    const events = (await take(stream as unknown as ChangeStream, 3)) as any[];
    expect(events.map((e) => e.operationType)).toEqual(['create', 'createIndexes', 'insert']);
    expect(events[1].operationDescription).toMatchObject({ indexes: [{ key: { k: 1 }, name: 'k_1' }] });
  });
});

describe('cluster-wide change streams', () => {
  it('reports the changes of every database but admin, config and local', async () => {
    const other = t.client.db(`${t.dbName}_other`);
    const mine = { 'ns.db': { $in: [t.dbName, other.databaseName, 'admin'] } };
    try {
      const stream = await opened(watch(t.client, [{ $match: mine }]));
      await t.client
        .db('admin')
        .collection(`${t.dbName}_admin`)
        .insertOne({ _id: 'admin' as never });
      await t.db.collection('cluster').insertOne({ _id: 'here' as never });
      await other.collection('cluster').insertOne({ _id: 'there' as never });
      const events = (await take(stream as unknown as ChangeStream, 2)) as any[];
      expect(events.map((e) => [e.ns.db, e.documentKey._id])).toEqual([
        [t.dbName, 'here'],
        [other.databaseName, 'there'],
      ]);
    } finally {
      await other.dropDatabase();
      await t.client
        .db('admin')
        .collection(`${t.dbName}_admin`)
        .drop()
        .catch(() => undefined);
    }
  });

  it('opens only on admin with aggregate: 1, and no stream opens on admin otherwise', async () => {
    const code = async (db: string, aggregate: string | number, spec: Document) =>
      (await rejection(t.client.db(db).command({ aggregate, pipeline: [{ $changeStream: spec }], cursor: {} }))).code;
    expect(await code(t.dbName, 1, { allChangesForCluster: true })).toBe(72);
    expect(await code('admin', 'coll', { allChangesForCluster: true })).toBe(72);
    expect(await code('admin', 1, {})).toBe(73);
    expect(await code('local', 1, {})).toBe(73);
  });
});

/** A stream run by hand, to see its cursor ids: an explicit session, as a server ties a cursor to the session that opened it. */
async function rawStream(db: Db, aggregate: string | 1, spec: Document = {}, pipeline: Document[] = [], batchSize?: number) {
  const session: ClientSession = t.client.startSession();
  const reply = await db.command(
    { aggregate, pipeline: [{ $changeStream: spec }, ...pipeline], cursor: batchSize === undefined ? {} : { batchSize } },
    { session },
  );
  const collection = reply.cursor.ns.slice(db.databaseName.length + 1);
  let id = reply.cursor.id;
  let token = reply.cursor.postBatchResumeToken;
  return {
    first: reply.cursor.firstBatch as Document[],
    /** getMores until `n` documents came or the cursor ended (id 0); each batch's cursor id with it. */
    async read(n: number, size?: number): Promise<{ docs: Document[]; ids: bigint[]; token: Document }> {
      const docs: Document[] = [];
      const ids: bigint[] = [];
      for (let i = 0; i < 50 && docs.length < n && BigInt(id) !== 0n; i++) {
        const more = await db.command({ getMore: id, collection, maxTimeMS: 200, ...(size ? { batchSize: size } : {}) }, { session });
        docs.push(...more.cursor.nextBatch);
        id = more.cursor.id;
        token = more.cursor.postBatchResumeToken;
        if (more.cursor.nextBatch.length) ids.push(BigInt(id));
      }
      return { docs, ids, token };
    },
    get ended() {
      return BigInt(id) === 0n;
    },
    close: async () => {
      if (BigInt(id) !== 0n) await db.command({ killCursors: collection, cursors: [id] }, { session }).catch(() => undefined);
      await session.endSession();
    },
  };
}

describe('drop, rename, dropDatabase and invalidate events', () => {
  it('ends a collection stream at the drop of its collection: drop, then invalidate, in the batch that closes the cursor', async () => {
    const c = await fresh('dropped');
    const uuid = ((await t.db.listCollections({ name: 'dropped' }).next()) as any).info.uuid;
    const raw = await rawStream(t.db, 'dropped');
    const expanded = await opened(watch(c, [], { showExpandedEvents: true }));
    try {
      await c.drop();
      const { docs, ids, token } = await raw.read(3);
      expect(docs.map((d) => d.operationType)).toEqual(['drop', 'invalidate']);
      expect(raw.ended).toBe(true);
      expect(ids[ids.length - 1]).toBe(0n);
      const [drop, invalidate] = docs;
      expect(Object.keys(drop)).toEqual(['_id', 'operationType', 'clusterTime', 'wallTime', 'ns']);
      expect(drop.ns).toEqual({ db: t.dbName, coll: 'dropped' });
      expect(Object.keys(invalidate).slice(0, 3)).toEqual(['_id', 'operationType', 'clusterTime']);
      expect(invalidate.ns).toBeUndefined();
      // Its own token (its command's position plus a flag), the command's time; the last batch's token is it.
      expect(invalidate._id).not.toEqual(drop._id);
      expect(invalidate.clusterTime).toEqual(drop.clusterTime);
      expect(token).toEqual(invalidate._id);
      const withUuid = (await expanded.next()) as any;
      expect(withUuid.collectionUUID.toHexString()).toBe(uuid.toHexString());
      expect(withUuid.operationDescription).toBeUndefined();
    } finally {
      await raw.close();
    }
  });

  it('sends the invalidate in the next batch when the drop fills one, and ends the cursor at the next read', async () => {
    const c = await fresh('dropped_batch');
    const raw = await rawStream(t.db, 'dropped_batch');
    try {
      await c.drop();
      expect((await raw.read(1, 1)).docs.map((d) => d.operationType)).toEqual(['drop']);
      expect(raw.ended).toBe(false);
      expect((await raw.read(1, 1)).docs.map((d) => d.operationType)).toEqual(['invalidate']);
      expect(raw.ended).toBe(false);
      expect((await raw.read(1, 1)).docs).toEqual([]);
      expect(raw.ended).toBe(true);
    } finally {
      await raw.close();
    }
  });

  it('ends the stream even when its stages filter the invalidate out', async () => {
    const c = await fresh('dropped_filtered');
    const raw = await rawStream(t.db, 'dropped_filtered', {}, [{ $match: { operationType: 'insert' } }]);
    try {
      await c.insertOne({ _id: 1 as never });
      await c.drop();
      expect((await raw.read(2)).docs.map((d) => d.operationType)).toEqual(['insert']);
      expect(raw.ended).toBe(true);
    } finally {
      await raw.close();
    }
  });

  it('reports a rename with its target to both names, then invalidates both; a database stream goes on', async () => {
    const src = await fresh('rename_src');
    await fresh('rename_dst');
    const dstUuid = ((await t.db.listCollections({ name: 'rename_dst' }).next()) as any).info.uuid;
    const srcUuid = ((await t.db.listCollections({ name: 'rename_src' }).next()) as any).info.uuid;
    const fromStream = await rawStream(t.db, 'rename_src');
    const toStream = await rawStream(t.db, 'rename_dst');
    const names = { 'ns.coll': { $in: ['rename_src', 'rename_dst'] } };
    const dbStream = await opened(watch(t.db, [{ $match: names }], { showExpandedEvents: true }));
    const plain = await opened(watch(t.db, [{ $match: names }]));
    try {
      await src.rename('rename_dst', { dropTarget: true });
      await t.db.collection('rename_dst').insertOne({ _id: 1 as never });
      for (const stream of [fromStream, toStream]) {
        const { docs } = await stream.read(3);
        expect(docs.map((d) => d.operationType)).toEqual(['rename', 'invalidate']);
        expect(docs[0].ns).toEqual({ db: t.dbName, coll: 'rename_src' });
        expect(docs[0].to).toEqual({ db: t.dbName, coll: 'rename_dst' });
        expect(stream.ended).toBe(true);
      }
      // One rename naming the replaced collection, no drop of it.
      const [rename, insert] = (await take(dbStream as unknown as ChangeStream, 2)) as any[];
      expect(rename.operationType).toBe('rename');
      expect(rename.collectionUUID.toHexString()).toBe(srcUuid.toHexString());
      expect(rename.operationDescription.to).toEqual({ db: t.dbName, coll: 'rename_dst' });
      expect(rename.operationDescription.dropTarget.toHexString()).toBe(dstUuid.toHexString());
      expect(insert).toMatchObject({ operationType: 'insert', ns: { coll: 'rename_dst' } });
      const [plainRename] = (await take(plain as unknown as ChangeStream, 1)) as any[];
      expect(plainRename).toMatchObject({ operationType: 'rename', to: { db: t.dbName, coll: 'rename_dst' } });
      expect(plainRename.operationDescription).toBeUndefined();
      expect(plainRename.collectionUUID).toBeUndefined();
    } finally {
      await fromStream.close();
      await toStream.close();
    }
  });

  it('drops every collection before dropDatabase: a database stream ends after it, a cluster-wide one goes on', async () => {
    const other = t.client.db(`${t.dbName}_gone`);
    await other.collection('a').insertOne({ _id: 1 as never });
    await other.collection('b').insertOne({ _id: 1 as never });
    const dbStream = await rawStream(other, 1);
    const collStream = await rawStream(other, 'a');
    const cluster = await opened(watch(t.client, [{ $match: { 'ns.db': other.databaseName } }]));
    try {
      await other.dropDatabase();
      await other.collection('a').insertOne({ _id: 2 as never });
      const { docs } = await dbStream.read(5);
      expect(docs.map((d) => d.operationType)).toEqual(['drop', 'drop', 'dropDatabase', 'invalidate']);
      expect(
        docs
          .slice(0, 2)
          .map((d) => d.ns.coll)
          .sort(),
      ).toEqual(['a', 'b']);
      expect(docs[2].ns).toEqual({ db: other.databaseName });
      expect(dbStream.ended).toBe(true);
      expect((await collStream.read(3)).docs.map((d) => d.operationType)).toEqual(['drop', 'invalidate']);
      expect(collStream.ended).toBe(true);
      const events = (await take(cluster as unknown as ChangeStream, 4)) as any[];
      expect(events.map((e) => e.operationType)).toEqual(['drop', 'drop', 'dropDatabase', 'insert']);
    } finally {
      await dbStream.close();
      await collStream.close();
      await other.dropDatabase();
    }
  });

  it('answers 260 to resumeAfter an invalidate, starts a new stream with startAfter it, and resumes from the drop to its invalidate', async () => {
    const c = await fresh('restart');
    const raw = await rawStream(t.db, 'restart');
    let next: Awaited<ReturnType<typeof rawStream>> | undefined;
    let again: Awaited<ReturnType<typeof rawStream>> | undefined;
    try {
      await c.drop();
      const [drop, invalidate] = (await raw.read(2)).docs;
      const err = await rejection(t.db.command({ aggregate: 'restart', pipeline: [{ $changeStream: { resumeAfter: invalidate._id } }], cursor: {} }));
      expect(err.code).toBe(260);
      expect(err.codeName).toBe('InvalidResumeToken');
      next = await rawStream(t.db, 'restart', { startAfter: invalidate._id });
      await t.db.collection('restart').insertOne({ _id: 'new' as never });
      const docs = [...next.first, ...(await next.read(1)).docs];
      expect(docs.map((d) => [d.operationType, d.documentKey?._id])).toEqual([['insert', 'new']]);
      expect(next.ended).toBe(false);
      again = await rawStream(t.db, 'restart', { resumeAfter: drop._id });
      const resumed = [...again.first, ...(again.ended ? [] : (await again.read(1)).docs)];
      expect(resumed.map((d) => d.operationType)).toEqual(['invalidate']);
      expect(resumed[0]._id).toEqual(invalidate._id);
    } finally {
      await raw.close();
      await next?.close();
      await again?.close();
    }
  });

  it('reports a collMod that changes nothing as a modify event', async () => {
    const c = await fresh('empty_collmod');
    const uuid = ((await t.db.listCollections({ name: 'empty_collmod' }).next()) as any).info.uuid;
    const stream = await opened(watch(c, [], { showExpandedEvents: true }));
    await t.db.command({ collMod: 'empty_collmod' });
    const modify = (await stream.next()) as any;
    expect(modify.operationType).toBe('modify');
    expect(modify.operationDescription).toEqual({});
    expect(modify.stateBeforeChange.collectionOptions.uuid.toHexString()).toBe(uuid.toHexString());
    expect(modify.stateBeforeChange.indexOptions).toBeUndefined();
  });
});
