import { UUID, type Document } from 'bson';
import { CommandError, Code } from './errors';
import { Index, normalizeSpec, sameSpec } from './indexes';
import { formatKey } from './values';

/** A committed version of a document, stamped with the commit time that wrote it. */
export interface Version {
  doc: Document;
  ts: number;
  /** Place in natural order, kept across updates (a Map keeps an updated key where it was): ordered indexes tie-break on it. */
  seq: number;
}

/** An overwritten or deleted version, kept while a transaction's snapshot may still read it. */
interface OldVersion {
  doc: Document;
  from: number;
  to: number;
}

let nextCollectionId = 1;

/**
 * One collection: the latest committed documents by canonical `_id` key (a Map keeps insertion
 * order, which is the natural order), their indexes, and the old versions open snapshots need.
 * Stored documents are never mutated; every write stores a new object.
 */
export class Collection {
  readonly id = nextCollectionId++;
  readonly uuid = new UUID();
  readonly docs = new Map<string, Version>();
  readonly indexes = new Map<string, Index>();
  readonly history = new Map<string, OldVersion[]>();
  /** Documents read to answer queries (tested against a filter): lets tests see that an index was used. */
  examined = 0;
  private nextSeq = 0;

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document = {},
  ) {
    this.indexes.set('_id_', new Index({ v: 2, key: { _id: 1 }, name: '_id_' }));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  /** The document as of `snapshot` (a commit time), or the latest when no snapshot is given. */
  visible(id: string, snapshot?: number): Document | undefined {
    const current = this.docs.get(id);
    if (snapshot === undefined || (current && current.ts <= snapshot)) return current?.doc;
    return this.history.get(id)?.find((v) => v.from <= snapshot && snapshot < v.to)?.doc;
  }

  /** When the document was last written (0 if never since the oldest open snapshot). */
  lastWrite(id: string): number {
    const current = this.docs.get(id);
    if (current) return current.ts;
    const old = this.history.get(id);
    return old?.length ? old[old.length - 1].to : 0;
  }

  /** Installs a committed write and maintains the indexes. */
  apply(id: string, after: Document | null, ts: number, keepHistory: boolean): void {
    const before = this.docs.get(id);
    const seq = before ? before.seq : this.nextSeq++;
    if (before) {
      for (const index of this.indexes.values()) index.remove(id, before.doc, seq);
      if (keepHistory) {
        const list = this.history.get(id) ?? [];
        list.push({ doc: before.doc, from: before.ts, to: ts });
        this.history.set(id, list);
      }
    }
    if (after) {
      this.docs.set(id, { doc: after, ts, seq });
      for (const index of this.indexes.values()) index.add(id, after, seq);
    } else {
      this.docs.delete(id);
    }
  }

  /** Forgets old versions no open snapshot can see (all of them when none is open). */
  pruneHistory(oldestSnapshot: number | undefined): void {
    if (oldestSnapshot === undefined) return this.history.clear();
    for (const [id, list] of this.history) {
      const kept = list.filter((v) => v.to > oldestSnapshot);
      if (kept.length) this.history.set(id, kept);
      else this.history.delete(id);
    }
  }

  /**
   * Refuses a document the indexes cannot hold, as a server does while computing its keys: a
   * text index answers 17261/17262 for a language override that is not a string or not a language.
   */
  checkKeys(doc: Document): void {
    for (const index of this.indexes.values()) if (index.text) index.keysOf(doc);
  }

  /** The first unique index (`_id_` included) where `doc` collides with another committed document. */
  uniqueCollision(id: string, doc: Document): { index: Index; otherId: string } | undefined {
    for (const index of this.indexes.values()) {
      if (!index.unique && index.name !== '_id_') continue;
      for (const key of index.keysOf(doc)) {
        for (const otherId of index.lookup(key) ?? []) if (otherId !== id) return { index, otherId };
      }
    }
    return undefined;
  }

  duplicateKeyError(index: Index, doc: Document): CommandError {
    const keyValue = index.keyValue(doc);
    return new CommandError(
      Code.DuplicateKey,
      `E11000 duplicate key error collection: ${this.ns} index: ${index.name} dup key: ${formatKey(keyValue)}`,
      { keyPattern: index.spec.key, keyValue },
    );
  }

  /**
   * createIndexes for one spec: the index built over the documents, ready to install
   * (Storage.createIndex), or undefined if an identical index already exists.
   */
  buildIndex(raw: Document): Index | undefined {
    const spec = normalizeSpec(raw);
    const existing = this.indexes.get(spec.name as string);
    if (existing) {
      if (sameSpec(existing.spec, spec)) return undefined;
      throw new CommandError(
        Code.IndexKeySpecsConflict,
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing.spec)}`,
      );
    }
    for (const other of this.indexes.values()) {
      if (sameSpec({ ...other.spec, name: '' }, { ...spec, name: '' })) return undefined;
      if (JSON.stringify(other.spec.key) === JSON.stringify(spec.key)) {
        throw new CommandError(
          Code.IndexOptionsConflict,
          `An equivalent index already exists with a different name and options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(other.spec)}`,
        );
      }
    }
    const index = new Index(spec);
    if (index.text && [...this.indexes.values()].some((i) => i.text)) {
      throw new CommandError(Code.IndexOptionsConflict, 'only one text index per collection allowed');
    }
    const seen = new Map<string, string>();
    for (const [id, { doc, seq }] of this.docs) {
      if (index.unique) {
        for (const key of index.keysOf(doc)) {
          const other = seen.get(key);
          if (other !== undefined && other !== id) throw this.duplicateKeyError(index, doc);
          seen.set(key, id);
        }
      }
      index.add(id, doc, seq);
    }
    return index;
  }

  checkDropIndex(name: string): void {
    if (name === '_id_') throw new CommandError(Code.InvalidOptions, 'cannot drop _id index');
    if (!this.indexes.has(name)) throw new CommandError(Code.IndexNotFound, `index not found with name [${name}]`);
  }

  get textIndex(): Index | undefined {
    return [...this.indexes.values()].find((i) => i.text && !i.hidden);
  }
}
