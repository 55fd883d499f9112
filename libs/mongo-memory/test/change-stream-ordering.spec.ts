import { UUID, type Document } from 'bson';
import { Engine } from '../src/engine';
import type { StorageChange } from '../src/storage';

/**
 * Issue #15 (#19): "a change stream opened while an insert is in flight can miss it". Pins the
 * invariant that rules this out (see the notes in changes.ts and storage.ts): a commit installs its
 * documents and publishes its events in one synchronous step (`Storage.commit`), and `$changeStream`
 * takes its start point and getMore reads the log synchronously, so no stream can see part of a
 * commit, and every event published after an aggregate answered lies after its start point. The
 * storage's recorder (the journal's hook, called inside a commit before anything is visible) runs
 * the stream's commands at the worst moment: in the middle of the commit.
 */
describe('change streams against commits in progress', () => {
  let engine: Engine;
  let during: (() => void) | undefined;
  beforeEach(() => {
    engine = new Engine('rs0');
    engine.storage.recorder = {
      record(change: StorageChange) {
        if (change.t !== 'commit' || !during) return;
        const run = during;
        during = undefined;
        run();
      },
    };
  });
  afterEach(() => engine.close());

  const run = (cmd: object) => engine.run({ ...cmd, $db: 'e' }, 1) as Document;
  const open = () => run({ aggregate: 'c', pipeline: [{ $changeStream: {} }], cursor: {} }).cursor;
  const more = (id: bigint) => engine.run({ getMore: id, collection: 'c', maxTimeMS: 0, $db: 'e' }, 1) as Promise<Document>;
  const ids = (batch: Document[]) => batch.map((e) => e.documentKey._id);

  it('a stream opened while a write commits sees that write, and none before', async () => {
    run({ insert: 'c', documents: [{ _id: 'before' }] });
    let cursor: Document | undefined;
    during = () => (cursor = open());
    run({ insert: 'c', documents: [{ _id: 'during' }] });
    expect(cursor!.firstBatch).toEqual([]);
    run({ insert: 'c', documents: [{ _id: 'after' }] });
    expect(ids((await more(cursor!.id)).cursor.nextBatch)).toEqual(['during', 'after']);
  });

  it('a transaction commit is seen whole: never part of it by a getMore, all of it by a stream opened during it', async () => {
    const watching = open();
    const lsid = { id: new UUID() };
    const txn = { lsid, txnNumber: 1n, autocommit: false };
    run({ insert: 'c', documents: [{ _id: 1 }], ...txn, startTransaction: true });
    run({ insert: 'c', documents: [{ _id: 2 }, { _id: 3 }], ...txn });
    let midBatch: Promise<Document> | undefined;
    let opened: Document | undefined;
    during = () => {
      midBatch = more(watching.id);
      opened = open();
    };
    expect(run({ commitTransaction: 1, ...txn, $db: 'admin' }).ok).toBe(1);
    const mid = (await midBatch!).cursor;
    expect(mid.nextBatch).toEqual([]);
    expect(ids((await more(watching.id)).cursor.nextBatch)).toEqual([1, 2, 3]);
    expect(ids((await more(opened!.id)).cursor.nextBatch)).toEqual([1, 2, 3]);
    // The token handed out mid-commit resumes before the whole transaction.
    const resumed = run({ aggregate: 'c', pipeline: [{ $changeStream: { resumeAfter: mid.postBatchResumeToken } }], cursor: {} }).cursor;
    expect(ids(resumed.firstBatch)).toEqual([1, 2, 3]);
  });

  it('a getMore with a small batch moves its token only past the events it returned', async () => {
    const watching = open();
    run({ insert: 'c', documents: [{ _id: 1 }, { _id: 2 }, { _id: 3 }] });
    const first = (await engine.run({ getMore: watching.id, collection: 'c', batchSize: 2, maxTimeMS: 0, $db: 'e' }, 1)) as Document;
    expect(ids(first.cursor.nextBatch)).toEqual([1, 2]);
    expect(first.cursor.postBatchResumeToken).toEqual(first.cursor.nextBatch[1]._id);
    const resumed = run({ aggregate: 'c', pipeline: [{ $changeStream: { resumeAfter: first.cursor.postBatchResumeToken } }], cursor: {} }).cursor;
    expect(ids(resumed.firstBatch)).toEqual([3]);
  });
});
