import { randomBytes } from 'node:crypto';
import { Timestamp, type Document } from 'bson';
import { isPlainObject, valuesEqual } from './values';

/** One committed change, kept raw; it becomes a change-stream document when a cursor reads it. */
export interface ChangeEvent {
  seq: number;
  op: 'insert' | 'update' | 'replace' | 'delete';
  db: string;
  coll: string;
  documentId: unknown;
  before?: Document;
  after?: Document;
  wallTime: Date;
  lsid?: Document;
  txnNumber?: bigint;
}

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

  get lastSeq(): number {
    return this.seq;
  }

  publish(events: Omit<ChangeEvent, 'seq'>[]): void {
    if (events.length === 0) return;
    for (const e of events) this.events.push({ ...e, seq: ++this.seq });
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

  /** The resume token of the position after event `seq` (0: before the first event). */
  token(seq: number): Document {
    return { _data: this.epoch + seq.toString(16).toUpperCase().padStart(16, '0') };
  }

  /** The position a token names: a number in this history, 'other' for a token of another history, undefined if malformed. */
  position(token: unknown): number | 'other' | undefined {
    const data = (token as { _data?: unknown } | null)?._data;
    if (typeof data !== 'string' || !/^[0-9A-F]{24}$/i.test(data)) return undefined;
    return data.slice(0, 8).toUpperCase() === this.epoch ? parseInt(data.slice(8), 16) : 'other';
  }
}

/** The change-stream document for an event; `lookup` reads the current document for updateLookup. */
export function changeDocument(e: ChangeEvent, log: ChangeLog, lookup?: () => Document | undefined): Document {
  const doc: Document = {
    _id: log.token(e.seq),
    operationType: e.op,
    clusterTime: new Timestamp({ t: Math.floor(e.wallTime.getTime() / 1000), i: e.seq % 0x7fffffff }),
    wallTime: e.wallTime,
  };
  if (e.op === 'insert' || e.op === 'replace') doc.fullDocument = e.after;
  if (e.op === 'update') {
    if (lookup) doc.fullDocument = lookup() ?? null;
    doc.updateDescription = diff(e.before ?? {}, e.after ?? {});
  }
  doc.ns = { db: e.db, coll: e.coll };
  doc.documentKey = { _id: e.documentId };
  if (e.lsid) doc.lsid = e.lsid;
  if (e.txnNumber !== undefined) doc.txnNumber = e.txnNumber;
  return doc;
}

/** updateDescription as a server reports it: changed paths (dotted into sub-documents) and removed ones. */
function diff(before: Document, after: Document): Document {
  const updatedFields: Document = {};
  const removedFields: string[] = [];
  const walk = (a: Document, b: Document, prefix: string) => {
    for (const key of Object.keys(b)) {
      const path = prefix + key;
      if (isPlainObject(a[key]) && isPlainObject(b[key])) walk(a[key], b[key], path + '.');
      else if (!(key in a) || !valuesEqual(a[key], b[key])) updatedFields[path] = b[key];
    }
    for (const key of Object.keys(a)) if (!(key in b)) removedFields.push(prefix + key);
  };
  walk(before, after, '');
  return { updatedFields, removedFields, truncatedArrays: [] };
}
