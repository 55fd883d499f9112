import type { Document } from 'bson';
import { ChangeLog } from './changes';
import { Collection } from './collections';
import { CommandError, Code, writeConflict } from './errors';
import { candidateIds } from './indexes';
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

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** Writes create collections implicitly, as on a server. */
  ensureCollection(db: string, name: string): Collection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    if (!name || name.includes('$') || name.startsWith('system.'))
      throw new CommandError(Code.InvalidNamespace, `Invalid collection name: ${db}.${name}`);
    const coll = new Collection(db, name);
    if (!this.dbs.has(db)) this.dbs.set(db, new Map());
    this.dbs.get(db)!.set(name, coll);
    return coll;
  }

  createCollection(db: string, name: string, options: Document): Collection {
    if (this.collection(db, name)) throw new CommandError(Code.NamespaceExists, `Collection ${db}.${name} already exists.`);
    const coll = this.ensureCollection(db, name);
    Object.assign(coll.options, options);
    return coll;
  }

  dropCollection(db: string, name: string): void {
    if (!this.dbs.get(db)?.delete(name)) throw new CommandError(Code.NamespaceNotFound, 'ns not found');
  }

  dropDatabase(db: string): void {
    this.dbs.delete(db);
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

  /** Installs final document states at one commit time and publishes the operations as change events. */
  commit(writes: Write[], operations: Write[], session?: { lsid: Document; txnNumber: bigint }): void {
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
    this.open.delete(txn);
    const oldest = this.open.size ? Math.min(...[...this.open].map((t) => t.snapshot)) : undefined;
    for (const colls of this.dbs.values()) for (const coll of colls.values()) if (coll.history.size) coll.pruneHistory(oldest);
  }

  /** The documents of a collection visible to `txn` (or latest), limited to index candidates when the filter allows. */
  scan(coll: Collection | undefined, filter: Document, txn?: Transaction, only?: Set<string>): Document[] {
    if (!coll) return [];
    const ids = only ?? candidateIds(coll.indexes.values(), filter);
    if (!txn) {
      if (!ids) return [...coll.docs.values()].map((v) => v.doc);
      const out: Document[] = [];
      for (const id of ids) {
        const v = coll.docs.get(id);
        if (v) out.push(v.doc);
      }
      return out;
    }
    return txn.visibleDocs(coll, ids);
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
