import { randomBytes } from 'node:crypto';
import { Timestamp, type Document, type UUID } from 'bson';
import { updateDescription } from './update-description';

/** One committed change, kept raw; it becomes a change-stream document when a cursor reads it. */
export interface ChangeEvent {
  seq: number;
  /** Document changes, collection drops and renames, and the changes only streams with showExpandedEvents report. */
  op: 'insert' | 'update' | 'replace' | 'delete' | 'drop' | 'rename' | 'dropDatabase' | 'create' | 'createIndexes' | 'dropIndexes' | 'modify';
  db: string;
  /** Empty for dropDatabase. */
  coll: string;
  /** rename: the new name (in the same database). */
  to?: string;
  /** The collection's uuid (collectionUUID), stamped at publish time when not given. */
  uuid?: UUID;
  documentId?: unknown;
  before?: Document;
  after?: Document;
  /** Collection and index changes: operationDescription, and stateBeforeChange for modify. */
  description?: Document;
  stateBeforeChange?: Document;
  wallTime: Date;
  lsid?: Document;
  txnNumber?: bigint;
}

/** Events only streams opened with showExpandedEvents see (src/mongo/db/pipeline/document_source_change_stream.h). */
const EXPANDED_OPS = new Set(['create', 'createIndexes', 'dropIndexes', 'modify']);
/** Events about one document: they have a documentKey. */
const DOCUMENT_OPS = new Set(['insert', 'update', 'replace', 'delete']);

/** Events kept for resuming (between KEEP and 2 * KEEP). */
const KEEP = 10_000;

/**
 * The server-wide change log behind change streams. Events enter only at commit, so a stream
 * never shows uncommitted work; waiting getMores are woken by `publish`.
 */
export class ChangeLog {
  /**
   * Names this history in resume tokens. Events are numbered from 1 in each process (the history is
   * not kept across a restart), so a token from an earlier run on the same data directory would
   * otherwise name an unrelated event of this one; with the epoch it answers 286 instead.
   */
  readonly epoch = randomBytes(4).toString('hex').toUpperCase();
  private events: ChangeEvent[] = [];
  private seq = 0;
  private waiters = new Set<() => void>();
  /** The uuid of a collection as it is now: set once a stream follows the storage (ddl-events.ts). */
  uuidOf?: (db: string, coll: string) => UUID | undefined;

  get lastSeq(): number {
    return this.seq;
  }

  publish(events: Omit<ChangeEvent, 'seq'>[]): void {
    if (events.length === 0) return;
    for (const e of events) this.events.push({ ...e, uuid: e.uuid ?? this.uuidOf?.(e.db, e.coll), seq: ++this.seq });
    // Trimmed in chunks: a splice per write would cost O(KEEP) each time.
    if (this.events.length > 2 * KEEP) this.events = this.events.slice(-KEEP);
    for (const wake of [...this.waiters]) wake();
  }

  /** Events after `seq`, or undefined when some of them were already dropped from the log. */
  since(seq: number): ChangeEvent[] | undefined {
    const first = this.events[0]?.seq ?? this.seq + 1;
    if (seq + 1 < first) return undefined;
    return this.events.slice(seq + 1 - first);
  }

  /** Resolves at the next publish, after `ms`, or at close, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  close(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Event `seq` if the log still holds it. */
  event(seq: number): ChangeEvent | undefined {
    const first = this.events[0]?.seq ?? this.seq + 1;
    return seq >= first ? this.events[seq - first] : undefined;
  }

  /**
   * The resume token of the position after event `seq` (0: before the first event), or after the
   * invalidate that event `seq` caused: a server's token of an invalidate is its command's token with
   * a fromInvalidate flag (src/mongo/db/pipeline/document_source_change_stream_check_invalidate.cpp).
   */
  token(seq: number, invalidate = false): Document {
    return { _data: this.epoch + seq.toString(16).toUpperCase().padStart(16, '0') + (invalidate ? '01' : '00') };
  }

  /** The position a token names in this history, 'other' for a token of another history, undefined if malformed. */
  position(token: unknown): { seq: number; invalidate: boolean } | 'other' | undefined {
    const data = (token as { _data?: unknown } | null)?._data;
    if (typeof data !== 'string' || !/^[0-9A-F]{24}0[01]$/i.test(data)) return undefined;
    if (data.slice(0, 8).toUpperCase() !== this.epoch) return 'other';
    return { seq: parseInt(data.slice(8, 24), 16), invalidate: data.endsWith('1') };
  }
}

/** What a stream asked for that shapes its documents. */
export interface DocumentOptions {
  /** showExpandedEvents: collectionUUID, operationDescription, disambiguatedPaths, and the collection and index events. */
  expanded?: boolean;
  /** fullDocument: 'updateLookup': reads the current document of an update. */
  lookup?: (event: ChangeEvent) => Document | undefined;
}

const clusterTime = (e: ChangeEvent) => new Timestamp({ t: Math.floor(e.wallTime.getTime() / 1000), i: e.seq % 0x7fffffff });

/**
 * The change-stream document for an event, undefined for an event the stream does not report. Its
 * fields in the server's order (checked against src/mongo/db/pipeline/change_stream_event_transform.cpp:
 * a rename's `to` is added before the token).
 */
export function changeDocument(e: ChangeEvent, log: ChangeLog, options: DocumentOptions = {}): Document | undefined {
  const expanded = options.expanded === true;
  if (!expanded && EXPANDED_OPS.has(e.op)) return undefined;
  const doc: Document = {};
  if (e.op === 'rename') doc.to = { db: e.db, coll: e.to };
  doc._id = log.token(e.seq);
  doc.operationType = e.op;
  doc.clusterTime = clusterTime(e);
  // dropDatabase has no collection, hence no uuid.
  if (expanded && e.uuid && e.op !== 'dropDatabase') doc.collectionUUID = e.uuid;
  doc.wallTime = e.wallTime;
  if (e.op === 'insert' || e.op === 'replace') doc.fullDocument = e.after;
  if (e.op === 'update' && options.lookup) doc.fullDocument = options.lookup(e) ?? null;
  doc.ns = e.op === 'dropDatabase' ? { db: e.db } : { db: e.db, coll: e.coll };
  if (DOCUMENT_OPS.has(e.op)) doc.documentKey = { _id: e.documentId };
  if (expanded && e.description) doc.operationDescription = e.description;
  if (e.op === 'update') doc.updateDescription = updateDescription(e.before ?? {}, e.after ?? {}, expanded);
  if (e.stateBeforeChange) doc.stateBeforeChange = e.stateBeforeChange;
  if (e.lsid) doc.lsid = e.lsid;
  if (e.txnNumber !== undefined) doc.txnNumber = e.txnNumber;
  return doc;
}

/**
 * The invalidate that follows event `e` in a stream it ends: the command's time, a token of its own
 * (checked against src/mongo/db/pipeline/document_source_change_stream_check_invalidate.cpp).
 */
export function invalidateDocument(e: ChangeEvent, log: ChangeLog): Document {
  return { _id: log.token(e.seq, true), operationType: 'invalidate', clusterTime: clusterTime(e), wallTime: e.wallTime };
}
