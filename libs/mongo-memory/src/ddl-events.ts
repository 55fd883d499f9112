import type { Document } from 'bson';
import type { ChangeEvent } from './changes';
import type { Collection } from './collections';
import type { Storage, StorageChange } from './storage';
import { cloneValue } from './values';

type Ddl = Omit<ChangeEvent, 'seq'>;

/**
 * The events for a collection or index change, with the operationDescription a server derives from
 * its oplog entry (checked against src/mongo/db/pipeline/change_stream_event_transform.cpp, and
 * for collMod's entry src/mongo/db/op_observer/op_observer_util.cpp makeCollModCmdObj). A
 * transaction's commit brings the collections it created, with their indexes: their events come
 * before those of its writes. dropDatabase drops each collection (a `drop` event each) before its
 * own event, as a primary replicates it (checked against src/mongo/db/catalog/drop_database.cpp).
 */
export function ddlEvents(change: StorageChange, storage: Storage): Ddl[] {
  let changes: StorageChange[] = [change];
  if (change.t === 'commit')
    changes = (change.created ?? []).flatMap((coll) => [
      { t: 'create' as const, coll },
      ...[...coll.indexes.values()].filter((i) => i.name !== '_id_').map((i) => ({ t: 'createIndex' as const, coll, spec: i.spec })),
    ]);
  if (change.t === 'dropDatabase') {
    // Recorded before the database goes: its collections are still there. A database that does not exist has no event.
    const colls = storage.dbs.get(change.db);
    changes = colls ? [...[...colls.keys()].map((name) => ({ t: 'drop' as const, db: change.db, name })), change] : [];
  }
  // Copied: index specifications and options change in place later (collMod).
  return changes
    .map((c) => describe(c, storage))
    .filter((e): e is Ddl => e !== undefined)
    .map((e) => ({ ...e, description: cloneValue(e.description), stateBeforeChange: cloneValue(e.stateBeforeChange) }));
}

/**
 * A rename's event. With `dropTarget` a server logs one rename naming the replaced collection's uuid
 * (src/mongo/db/op_observer/op_observer_impl.cpp, preRenameCollection); recorded before the change
 * applies, so the target is still there to name.
 */
function renameEvent(storage: Storage, change: Extract<StorageChange, { t: 'rename' }>): Ddl {
  const { db, from, to } = change;
  // operationDescription: the oplog entry {renameCollection, to, stayTemp, dropTarget?} without renameCollection and stayTemp, `to` as {db, coll}.
  const description: Document = { to: { db, coll: to } };
  const dropTarget = change.dropTarget ? storage.dbs.get(db)?.get(to)?.uuid : undefined;
  if (dropTarget) description.dropTarget = dropTarget;
  return { op: 'rename', db, coll: from, to, uuid: storage.dbs.get(db)?.get(from)?.uuid, wallTime: new Date(), description };
}

function describe(change: StorageChange, storage: Storage): Ddl | undefined {
  const wallTime = new Date();
  switch (change.t) {
    case 'drop': {
      const { db, name } = change;
      return { op: 'drop', db, coll: name, uuid: storage.dbs.get(db)?.get(name)?.uuid, wallTime };
    }
    case 'rename':
      return renameEvent(storage, change);
    case 'dropDatabase':
      return { op: 'dropDatabase', db: change.db, coll: '', wallTime };
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

/**
 * Publishes the `modify` event of a collMod that changes nothing (`{collMod: 'c'}`): a server logs
 * it all the same, its operationDescription the command without `collMod` (op_observer_util.cpp
 * makeCollModCmdObj), with no index options before. Nothing to journal: nothing changed.
 */
export function publishEmptyCollMod(storage: Storage, coll: Collection): void {
  const stateBeforeChange = { collectionOptions: cloneValue({ uuid: coll.uuid, ...coll.options }) };
  storage.changes.publish([
    { op: 'modify', db: coll.db, coll: coll.name, uuid: coll.uuid, wallTime: new Date(), description: {}, stateBeforeChange },
  ]);
}
