import type { ChangeStream, ChangeStreamDocument, Collection, Document } from 'mongodb';
import { startTarget, type Target } from './harness';

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
