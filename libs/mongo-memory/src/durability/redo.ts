import { Binary, UUID, type Document } from 'bson';
import { Collection } from '../collections';
import type { IndexOptionChanges, Storage, StorageChange } from '../storage';
import { keyString } from '../values';

/**
 * Journal payloads: one BSON document per change the storage layer applied, holding what it takes
 * to redo it (resulting documents, not the commands that produced them, so replay needs no query
 * or update logic and gives byte-identical documents).
 *
 *   {t: 'w', w: [{d, c, i, a}]}  a commit group: per document its db, collection, _id and resulting
 *                                 document (a: null for a delete); a transaction is one group,
 *   {..., n: [{d, c, u, o, x}]}   with the collections it created (uuid, options, index specs)
 *   {t: 'create', d, c, u, o}     a collection (uuid, options)
 *   {t: 'drop', d, c}  {t: 'dropDatabase', d}  {t: 'rename', d, c, to, x?}  (x: the target is dropped)
 *   {t: 'index', d, c, spec}  {t: 'dropIndex', d, c, name}
 *   {t: 'indexOptions', d, c, name, o}  collMod of an index (o: hidden, expireAfterSeconds)
 */
export function encodeChange(change: StorageChange): Document {
  switch (change.t) {
    case 'commit': {
      const record: Document = { t: 'w', w: change.writes.map((w) => ({ d: w.coll.db, c: w.coll.name, i: w.documentId, a: w.after })) };
      if (change.created?.length) record.n = change.created.map(createdCollection);
      return record;
    }
    case 'create':
      return { t: 'create', d: change.coll.db, c: change.coll.name, u: change.coll.uuid, o: change.coll.options };
    case 'drop':
      return { t: 'drop', d: change.db, c: change.name };
    case 'dropDatabase':
      return { t: 'dropDatabase', d: change.db };
    case 'rename':
      return change.dropTarget
        ? { t: 'rename', d: change.db, c: change.from, to: change.to, x: true }
        : { t: 'rename', d: change.db, c: change.from, to: change.to };
    case 'createIndex':
      return { t: 'index', d: change.coll.db, c: change.coll.name, spec: change.spec };
    case 'dropIndex':
      return { t: 'dropIndex', d: change.coll.db, c: change.coll.name, name: change.name };
    case 'modifyIndex':
      return { t: 'indexOptions', d: change.coll.db, c: change.coll.name, name: change.name, o: change.options };
  }
}

function createdCollection(coll: Collection): Document {
  const indexes = [...coll.indexes.values()].filter((i) => i.name !== '_id_').map((i) => i.spec);
  return { d: coll.db, c: coll.name, u: coll.uuid, o: coll.options, x: indexes };
}

const asUuid = (v: unknown): UUID | undefined => (v instanceof UUID ? v : v instanceof Binary && v.sub_type === 4 ? v.toUUID() : undefined);

/** A collection as recovery recreates it: same name, options and uuid (listCollections shows it). */
export function restoredCollection(db: string, name: string, uuid: unknown, options: unknown): Collection {
  const coll = new Collection(db, name, { ...((options as Document | undefined) ?? {}) });
  const u = asUuid(uuid);
  if (u) (coll as { uuid: UUID }).uuid = u;
  return coll;
}

function existing(storage: Storage, db: string, name: string): Collection {
  const coll = storage.collection(db, name);
  if (!coll) throw new Error(`collection ${db}.${name} does not exist`);
  return coll;
}

/** Redoes one journal record on storage that has no recorder attached (no change events, no checks beyond consistency). */
export function redo(storage: Storage, r: Document): void {
  const d = r.d as string;
  const c = r.c as string;
  switch (r.t) {
    case 'w': {
      for (const n of (r.n as Document[] | undefined) ?? []) {
        if (storage.collection(n.d as string, n.c as string)) throw new Error(`collection ${n.d}.${n.c} already exists`);
        const coll = restoredCollection(n.d as string, n.c as string, n.u, n.o);
        for (const spec of n.x as Document[]) {
          const index = coll.buildIndex(spec);
          if (index) coll.indexes.set(index.name, index);
        }
        storage.addCollection(coll);
      }
      const ts = ++storage.clock;
      for (const w of r.w as Document[]) {
        const coll = storage.collection(w.d as string, w.c as string) ?? storage.addCollection(new Collection(w.d as string, w.c as string));
        coll.apply(keyString(w.i), (w.a as Document | null) ?? null, ts, false);
      }
      return;
    }
    case 'create':
      if (storage.collection(d, c)) throw new Error(`collection ${d}.${c} already exists`);
      storage.addCollection(restoredCollection(d, c, r.u, r.o));
      return;
    case 'drop':
      return storage.dropCollection(d, c);
    case 'dropDatabase':
      return storage.dropDatabase(d);
    case 'rename':
      return storage.renameCollection(d, c, r.to as string, r.x === true);
    case 'index': {
      const coll = existing(storage, d, c);
      const index = coll.buildIndex(r.spec as Document);
      if (index) coll.indexes.set(index.name, index);
      return;
    }
    case 'dropIndex':
      return storage.dropIndex(existing(storage, d, c), r.name as string);
    case 'indexOptions':
      return storage.modifyIndex(existing(storage, d, c), r.name as string, r.o as IndexOptionChanges);
    default:
      throw new Error(`unknown record type ${String(r.t)}`);
  }
}
