import { randomBytes } from 'node:crypto';
import { calculateObjectSize, type Document } from 'bson';
import type { ChangeEvent, ChangeLog } from './changes';
import { CommandError, Code } from './errors';

const FIRST_BATCH = 101;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
const IDLE_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_AWAIT_MS = 1000;

/** What a change-stream cursor needs: where it is in the log and how to turn events into documents. */
export interface StreamSpec {
  log: ChangeLog;
  seq: number;
  /** Set when the event at `seq` ended the stream: its invalidate is to come, or was read (`sent`). */
  invalidated?: { event: ChangeEvent; sent: boolean };
  /** The change document for an event, or undefined when the rest of the pipeline filters it out. */
  read(event: ChangeEvent): Document | undefined;
  /** Whether the event ends the stream: an invalidate follows it, then nothing. */
  invalidates(event: ChangeEvent): boolean;
  /** The invalidate after an event, or undefined when the rest of the pipeline filters it out. */
  readInvalidate(event: ChangeEvent): Document | undefined;
}

interface Cursor {
  ns: string;
  docs: Document[];
  pos: number;
  lastUse: number;
  stream?: StreamSpec;
}

/** Where a stream is: after its last event, or after the invalidate it read. */
const resumeToken = (stream: StreamSpec): Document => stream.log.token(stream.seq, stream.invalidated?.sent === true);

/** Random positive int64 ids, like a server's: never reused, never guessable from another cursor. */
const newCursorId = (): bigint => randomBytes(8).readBigUInt64LE() >> 1n || 1n;

/** Takes up to `n` documents (and at most 16 MiB) from `docs` starting at `pos`. */
function takeBatch(docs: Document[], pos: number, n: number): Document[] {
  // One document always goes (whatever its size): no need to measure it.
  if (n >= 1 && docs.length - pos === 1) return [docs[pos]];
  const out: Document[] = [];
  let bytes = 0;
  while (pos + out.length < docs.length && out.length < n) {
    const doc = docs[pos + out.length];
    bytes += calculateObjectSize(doc);
    if (out.length > 0 && bytes > MAX_BATCH_BYTES) break;
    out.push(doc);
  }
  return out;
}

/** First batches default to 101 documents; getMore without a batchSize (or 0) sends all it can. */
function batchLimit(batchSize: unknown, first: boolean): number {
  if (batchSize === undefined || batchSize === null) return first ? FIRST_BATCH : Infinity;
  const n = Number(batchSize);
  if (!Number.isFinite(n) || n < 0) throw new CommandError(Code.BadValue, 'batchSize must be a non-negative number');
  return n === 0 && !first ? Infinity : n;
}

/** Server-side cursors: results are computed when the cursor opens and handed out in batches. */
export class Cursors {
  private readonly open = new Map<bigint, Cursor>();
  private closed = false;

  /** The reply of find/aggregate/list*: the first batch, and a cursor id when more remain. */
  first(ns: string, docs: Document[], batchSize?: unknown, singleBatch = false): Document {
    const batch = takeBatch(docs, 0, batchLimit(batchSize, true));
    let id = 0n;
    if (!singleBatch && batch.length < docs.length) {
      id = newCursorId();
      this.open.set(id, { ns, docs, pos: batch.length, lastUse: Date.now() });
    }
    return { cursor: { firstBatch: batch, id, ns }, ok: 1 };
  }

  /** A change stream's cursor: it runs out only after an invalidate, and getMore waits for events. */
  stream(ns: string, spec: StreamSpec, batchSize?: unknown): Document {
    const cursor: Cursor = { ns, docs: [], pos: 0, lastUse: Date.now(), stream: spec };
    const { batch, ended } = this.drain(cursor, batchLimit(batchSize, true));
    let id = 0n;
    if (!ended) {
      id = newCursorId();
      this.open.set(id, cursor);
    }
    return { cursor: { firstBatch: batch, id, ns, postBatchResumeToken: resumeToken(spec) }, ok: 1 };
  }

  async getMore(id: bigint, collection: string, db: string, batchSize?: unknown, maxTimeMS?: unknown): Promise<Document> {
    const cursor = this.open.get(id);
    if (!cursor) throw new CommandError(Code.CursorNotFound, `cursor id ${id} not found`);
    if (cursor.ns !== `${db}.${collection}` && !cursor.ns.startsWith(`${db}.$cmd`)) {
      throw new CommandError(
        Code.Unauthorized,
        `Requested getMore on namespace '${db}.${collection}', but cursor belongs to a different namespace ${cursor.ns}`,
      );
    }
    cursor.lastUse = Date.now();
    const n = batchLimit(batchSize, false);
    if (cursor.stream) {
      let read = this.drain(cursor, n);
      const deadline = Date.now() + Number(maxTimeMS ?? DEFAULT_AWAIT_MS);
      while (read.batch.length === 0 && !read.ended && !this.closed && this.open.has(id) && Date.now() < deadline) {
        await cursor.stream.log.wait(deadline - Date.now());
        read = this.drain(cursor, n);
      }
      if (read.ended) this.open.delete(id);
      const nextBatch = read.batch;
      return { cursor: { nextBatch, id: read.ended ? 0n : id, ns: cursor.ns, postBatchResumeToken: resumeToken(cursor.stream) }, ok: 1 };
    }
    const batch = takeBatch(cursor.docs, cursor.pos, n);
    cursor.pos += batch.length;
    const done = cursor.pos >= cursor.docs.length;
    if (done) this.open.delete(id);
    return { cursor: { nextBatch: batch, id: done ? 0n : id, ns: cursor.ns }, ok: 1 };
  }

  /**
   * Up to `n` change documents after the stream's position; the position moves past every event
   * read. `ended`: the stream's invalidate was read and it was asked for more, which ends it, as a
   * server's batch does at the ChangeStreamInvalidated its next read throws (checked against
   * src/mongo/db/commands/getmore_cmd.cpp and document_source_change_stream_check_invalidate.cpp):
   * the batch holding the invalidate ends the cursor unless it is full with it.
   */
  private drain(cursor: Cursor, n: number): { batch: Document[]; ended: boolean } {
    const stream = cursor.stream!;
    const batch: Document[] = [];
    let events: ChangeEvent[] | undefined;
    let next = 0;
    while (batch.length < n) {
      const invalidated = stream.invalidated;
      if (invalidated?.sent) return { batch, ended: true };
      if (invalidated) {
        invalidated.sent = true;
        const doc = stream.readInvalidate(invalidated.event);
        if (doc) batch.push(doc);
        continue;
      }
      events ??= stream.log.since(stream.seq);
      if (!events)
        throw new CommandError(
          Code.ChangeStreamHistoryLost,
          'Resume of change stream was not possible, as the resume point may no longer be in the oplog.',
        );
      const event = events[next++];
      if (!event) break;
      const doc = stream.read(event);
      stream.seq = event.seq;
      if (doc) batch.push(doc);
      if (stream.invalidates(event)) stream.invalidated = { event, sent: false };
    }
    return { batch, ended: false };
  }

  kill(ids: bigint[]): Document {
    const killed: bigint[] = [];
    const notFound: bigint[] = [];
    for (const id of ids) (this.open.delete(BigInt(id)) ? killed : notFound).push(id);
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }

  reap(now: number): void {
    for (const [id, cursor] of this.open) if (now - cursor.lastUse > IDLE_TIMEOUT_MS) this.open.delete(id);
  }

  close(): void {
    this.closed = true;
    this.open.clear();
  }
}
