import type { Document } from 'bson';
import { ChangeLog } from './changes';
import { ddlEvents } from './ddl-events';
import { Collection, type Version } from './collections';
import { CommandError, Code, writeConflict } from './errors';
import { candidateIds } from './indexes';
import { rangeCandidates } from './ordered-plan';
import type { Transaction } from './transactions';
import { pathValues } from './values';

export type WriteOp = 'insert' | 'update' | 'replace' | 'delete';

/** One document write: `after` null deletes. `id` is the canonical key of the document's _id. */
export interface Write {
  coll: Collection;
  id: string;
  documentId: unknown;
  before?: Document;
  after: Document | null;
  op: WriteOp;
}

/** A change the storage layer applied, in the order applied: what a journal must record to redo it. */
export type StorageChange =
  /** `created`: collections a transaction created (with their indexes), installed by the same record. */
  | { t: 'commit'; writes: Write[]; created?: Collection[] }
  | { t: 'create'; coll: Collection }
  | { t: 'drop'; db: string; name: string }
  | { t: 'dropDatabase'; db: string }
  | { t: 'createIndex'; coll: Collection; spec: Document }
  | { t: 'dropIndex'; coll: Collection; name: string }
  | { t: 'modifyIndex'; coll: Collection; name: string; options: IndexOptionChanges }
  /** `dropTarget`: an existing collection named `to` is dropped by the same change, as one step. */
  | { t: 'rename'; db: string; from: string; to: string; dropTarget?: boolean };

/** What collMod may change on an index: `hidden` (false removes it, as a server stores it) and `expireAfterSeconds`. */
export interface IndexOptionChanges {
  hidden?: boolean;
  expireAfterSeconds?: number;
}

/** Told of every change synchronously, before it is visible: the data directory's journal. */
export interface ChangeRecorder {
  record(change: StorageChange): void;
}

/**
 * All databases, the commit clock, and the lock table that lets the first writer of a document
 * (or of a unique key) win until its transaction ends. Writes outside transactions are atomic per
 * document and conflict with any document a transaction holds.
 */
export class Storage {
  clock = 0;
  readonly dbs = new Map<string, Map<string, Collection>>();
  readonly locks = new Map<string, Transaction>();
  readonly open = new Set<Transaction>();
  readonly changes = new ChangeLog();
  /** Set when the server has a data directory. */
  recorder?: ChangeRecorder;

  constructor() {
    // collectionUUID of change events (showExpandedEvents).
    this.changes.uuidOf = (db, coll) => this.collection(db, coll)?.uuid;
  }

  /**
   * Every change, before it is applied: to the journal first (a change it refuses is neither applied
   * nor published), then as change events for collection and index changes (ddl-events.ts), in the
   * order the changes are made.
   */
  private record(change: StorageChange): void {
    this.recorder?.record(change);
    this.changes.publish(ddlEvents(change, this));
  }

  /**
   * Collections created inside open transactions, by namespace: other clients creating the same
   * one get WriteConflict, as they would wait on the creator's lock on a server.
   */
  readonly pending = new Map<string, Transaction>();
  /**
   * The transaction of the command being dispatched, set around its handler: the collections it
   * created are found by name (`collection`) for it alone, whichever command module looks them up.
   */
  current?: Transaction;

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name) ?? this.current?.created.get(`${db}.${name}`);
  }

  /** Writes create collections implicitly, as on a server. */
  ensureCollection(db: string, name: string): Collection {
    return this.collection(db, name) ?? this.newCollection(db, name, {});
  }

  createCollection(db: string, name: string, options: Document): Collection {
    if (this.collection(db, name)) throw new CommandError(Code.NamespaceExists, `Collection ${db}.${name} already exists.`);
    return this.newCollection(db, name, { ...options });
  }

  /**
   * A new collection: installed now outside a transaction; inside one, kept by the transaction until
   * commit (MongoDB 4.4+: creation is part of the transaction, undone by an abort).
   */
  private newCollection(db: string, name: string, options: Document): Collection {
    if (!name || name.includes('$') || name.startsWith('system.'))
      throw new CommandError(Code.InvalidNamespace, `Invalid collection name: ${db}.${name}`);
    const ns = `${db}.${name}`;
    if (this.pending.has(ns)) throw writeConflict();
    const coll = new Collection(db, name, options);
    if (!this.current) return this.addCollection(coll);
    this.current.created.set(ns, coll);
    this.pending.set(ns, this.current);
    return coll;
  }

  /** Installs a new collection (also used by recovery, which brings its own uuid). */
  addCollection(coll: Collection): Collection {
    this.record({ t: 'create', coll });
    if (!this.dbs.has(coll.db)) this.dbs.set(coll.db, new Map());
    this.dbs.get(coll.db)!.set(coll.name, coll);
    return coll;
  }

  dropCollection(db: string, name: string): void {
    if (!this.collection(db, name)) throw new CommandError(Code.NamespaceNotFound, 'ns not found');
    this.record({ t: 'drop', db, name });
    this.dbs.get(db)!.delete(name);
  }

  dropDatabase(db: string): void {
    this.record({ t: 'dropDatabase', db });
    this.dbs.delete(db);
  }

  /** Moves a collection to a free name in the same database (renameCollection checked the names). */
  /** Renames a collection; with `dropTarget`, an existing collection of the new name goes in the same step (one journal record, one change event). */
  renameCollection(db: string, from: string, to: string, dropTarget = false): void {
    const collections = this.dbs.get(db);
    const coll = collections?.get(from);
    if (!collections || !coll) throw new CommandError(Code.NamespaceNotFound, 'Source collection does not exist');
    const replaces = collections.has(to);
    if (replaces && !dropTarget) throw new CommandError(Code.NamespaceExists, 'target namespace exists');
    this.record(replaces ? { t: 'rename', db, from, to, dropTarget: true } : { t: 'rename', db, from, to });
    collections.delete(to);
    collections.delete(from);
    (coll as { name: string }).name = to;
    collections.set(to, coll);
  }

  /** createIndexes for one spec: true if created, false if an identical index already existed. */
  createIndex(coll: Collection, spec: Document): boolean {
    const index = coll.buildIndex(spec);
    if (!index) return false;
    this.record({ t: 'createIndex', coll, spec: index.spec });
    coll.indexes.set(index.name, index);
    return true;
  }

  dropIndex(coll: Collection, name: string): void {
    coll.checkDropIndex(name);
    this.record({ t: 'dropIndex', coll, name });
    coll.indexes.delete(name);
  }

  /** collMod of an index: changes its options in place (the index's entries stay as they are). */
  modifyIndex(coll: Collection, name: string, options: IndexOptionChanges): void {
    const index = coll.indexes.get(name);
    if (!index) throw new CommandError(Code.IndexNotFound, `cannot find index ${name} for ns ${coll.db}.${coll.name}`);
    this.record({ t: 'modifyIndex', coll, name, options });
    if (options.hidden === true) index.spec.hidden = true;
    if (options.hidden === false) delete index.spec.hidden;
    if (options.expireAfterSeconds !== undefined) index.spec.expireAfterSeconds = options.expireAfterSeconds;
  }

  /** Lock names for a write: its document and every unique key it holds before and after. */
  lockKeys(w: Write): string[] {
    const keys: string[] = [];
    for (const index of w.coll.indexes.values()) {
      if (!index.unique && index.name !== '_id_') continue;
      for (const doc of [w.before, w.after]) {
        if (doc) for (const k of index.keysOf(doc)) keys.push(`${w.coll.id}\u0000${index.name}\u0000${k}`);
      }
    }
    return keys;
  }

  /** A write outside any transaction. */
  writeNow(w: Write): void {
    if (w.after) w.coll.checkKeys(w.after);
    for (const k of this.lockKeys(w)) if (this.locks.has(k)) throw writeConflict();
    if (w.after) {
      const collision = w.coll.uniqueCollision(w.id, w.after);
      if (collision) throw w.coll.duplicateKeyError(collision.index, w.after);
    }
    this.commit([w], [w]);
  }

  /**
   * Installs final document states at one commit time (and the collections a transaction created)
   * and publishes the operations as change events.
   * One synchronous step, with no await between installing and publishing: a `$changeStream` takes
   * its start point (`changes.lastSeq`) and a getMore reads the log synchronously too, so no stream
   * sees part of a commit, nor misses one published after its aggregate answered (#19).
   */
  commit(writes: Write[], operations: Write[], session?: { lsid: Document; txnNumber: bigint }, created: Collection[] = []): void {
    // A transaction's new collections go in its commit record: a crash keeps all of it or none.
    this.record(created.length ? { t: 'commit', writes, created } : { t: 'commit', writes });
    for (const coll of created) {
      this.pending.delete(coll.ns);
      if (!this.dbs.has(coll.db)) this.dbs.set(coll.db, new Map());
      this.dbs.get(coll.db)!.set(coll.name, coll);
    }
    const ts = ++this.clock;
    const keepHistory = this.open.size > 0;
    for (const w of writes) w.coll.apply(w.id, w.after, ts, keepHistory);
    const wallTime = new Date();
    this.changes.publish(
      operations.map((w) => ({
        op: w.op,
        db: w.coll.db,
        coll: w.coll.name,
        documentId: w.documentId,
        before: w.before,
        after: w.after ?? undefined,
        wallTime,
        lsid: session?.lsid,
        txnNumber: session?.txnNumber,
      })),
    );
  }

  /** Called when a transaction ends: frees its locks and the old versions nobody needs any more. */
  release(txn: Transaction): void {
    for (const k of txn.locks) if (this.locks.get(k) === txn) this.locks.delete(k);
    for (const ns of txn.created.keys()) if (this.pending.get(ns) === txn) this.pending.delete(ns);
    this.open.delete(txn);
    const oldest = this.open.size ? Math.min(...[...this.open].map((t) => t.snapshot)) : undefined;
    for (const colls of this.dbs.values()) for (const coll of colls.values()) if (coll.history.size) coll.pruneHistory(oldest);
  }

  /**
   * The documents of a collection visible to `txn` (or latest), limited to index candidates when the
   * filter allows: equality on a hash index, else a range on an ordered index's leading field.
   * Outside transactions they come in natural order, as from a scan.
   */
  scan(coll: Collection | undefined, filter: Document, txn?: Transaction, only?: Set<string>): Document[] {
    if (!coll) return [];
    const ids = only ?? candidateIds(coll.indexes.values(), filter) ?? rangeCandidates(coll.indexes.values(), filter, coll.docs.size / 2);
    let out: Document[];
    if (txn) out = txn.visibleDocs(coll, ids);
    else if (!ids) out = [...coll.docs.values()].map((v) => v.doc);
    else {
      const versions: Version[] = [];
      for (const id of ids) {
        const v = coll.docs.get(id);
        if (v) versions.push(v);
      }
      if (!only && versions.length > 1) versions.sort((a, b) => a.seq - b.seq);
      out = versions.map((v) => v.doc);
    }
    coll.examined += out.length;
    return out;
  }

  /** TTL: deletes documents whose indexed date is older than the index's expireAfterSeconds. */
  expire(now: number): void {
    for (const colls of this.dbs.values()) {
      for (const coll of colls.values()) {
        for (const index of coll.indexes.values()) {
          if (index.ttlSeconds === undefined || index.fields.length !== 1) continue;
          const limit = now - index.ttlSeconds * 1000;
          for (const [id, { doc }] of [...coll.docs]) {
            const dates = pathValues(doc, index.fields[0].path).filter((v): v is Date => v instanceof Date);
            if (!dates.length || Math.min(...dates.map((d) => d.getTime())) > limit) continue;
            try {
              this.writeNow({ coll, id, documentId: doc._id, before: doc, after: null, op: 'delete' });
            } catch {
              // Held by an open transaction: the next pass deletes it.
            }
          }
        }
      }
    }
  }
}
