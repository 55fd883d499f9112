import type { Document } from 'bson';
import type { ChangeEvent } from './changes';
import type { ChangeRecorder, Storage, StorageChange } from './storage';
import { cloneValue } from './values';

/** Recorders installed by `followStorage`, told apart from the journal's (or a test's) that they wrap. */
const followers = new WeakSet<ChangeRecorder>();

/**
 * Makes the storage's change log hear of collection and index changes, for the events a stream
 * with showExpandedEvents reports (create, createIndexes, dropIndexes, modify), and stamps each
 * event with its collection's uuid (collectionUUID). Called when a stream opens: no stream can
 * read an event published before the first one opened. It wraps the storage's recorder (the
 * journal's hook, told of every change before it is applied), so the events enter the log in the
 * order the changes are made; the wrapped recorder is told first, and a change it refuses is
 * neither applied nor published.
 */
export function followStorage(storage: Storage): void {
  const log = storage.changes;
  log.uuidOf ??= (db, coll) => storage.collection(db, coll)?.uuid;
  if (storage.recorder && followers.has(storage.recorder)) return;
  const inner = storage.recorder;
  const follower: ChangeRecorder = {
    record(change) {
      inner?.record(change);
      log.publish(ddlEvents(change));
    },
  };
  followers.add(follower);
  storage.recorder = follower;
}

type Ddl = Omit<ChangeEvent, 'seq'>;

/**
 * The events for a collection or index change, with the operationDescription a server derives from
 * its oplog entry (checked against src/mongo/db/pipeline/change_stream_event_transform.cpp, and
 * for collMod's entry src/mongo/db/op_observer/op_observer_util.cpp makeCollModCmdObj). A
 * transaction's commit brings the collections it created, with their indexes: their events come
 * before those of its writes. Drops and renames give none: this server has no drop, rename or
 * invalidate events.
 */
function ddlEvents(change: StorageChange): Ddl[] {
  const changes: StorageChange[] =
    change.t === 'commit'
      ? (change.created ?? []).flatMap((coll) => [
          { t: 'create' as const, coll },
          ...[...coll.indexes.values()].filter((i) => i.name !== '_id_').map((i) => ({ t: 'createIndex' as const, coll, spec: i.spec })),
        ])
      : [change];
  // Copied: index specifications and options change in place later (collMod).
  return changes
    .map(describe)
    .filter((e): e is Ddl => e !== undefined)
    .map((e) => ({ ...e, description: cloneValue(e.description), stateBeforeChange: cloneValue(e.stateBeforeChange) }));
}

function describe(change: StorageChange): Ddl | undefined {
  const wallTime = new Date();
  switch (change.t) {
    case 'create': {
      const { coll } = change;
      // The create entry holds the collection's options and its _id index.
      const idIndex = coll.indexes.get('_id_')?.spec ?? { v: 2, key: { _id: 1 }, name: '_id_' };
      return { op: 'create', db: coll.db, coll: coll.name, uuid: coll.uuid, wallTime, description: { ...coll.options, idIndex } };
    }
    case 'createIndex': {
      const { coll } = change;
      return { op: 'createIndexes', db: coll.db, coll: coll.name, uuid: coll.uuid, wallTime, description: { indexes: [change.spec] } };
    }
    case 'dropIndex': {
      const { coll } = change;
      const spec = coll.indexes.get(change.name)?.spec ?? { name: change.name };
      return { op: 'dropIndexes', db: coll.db, coll: coll.name, uuid: coll.uuid, wallTime, description: { indexes: [spec] } };
    }
    case 'modifyIndex': {
      const { coll, name, options } = change;
      const spec = coll.indexes.get(name)?.spec ?? {};
      const index: Document = { name };
      const old: Document = {};
      if (options.expireAfterSeconds !== undefined) {
        index.expireAfterSeconds = BigInt(options.expireAfterSeconds);
        if (typeof spec.expireAfterSeconds === 'number') old.expireAfterSeconds = BigInt(Math.trunc(spec.expireAfterSeconds));
      }
      if (options.hidden !== undefined) {
        index.hidden = options.hidden;
        old.hidden = spec.hidden === true;
      }
      return {
        op: 'modify',
        db: coll.db,
        coll: coll.name,
        uuid: coll.uuid,
        wallTime,
        description: { index },
        stateBeforeChange: { collectionOptions: { uuid: coll.uuid, ...coll.options }, indexOptions: old },
      };
    }
    default:
      return undefined;
  }
}
