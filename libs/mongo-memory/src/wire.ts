import { DBRef, deserialize, serialize, type BSONSymbol, type Document, type Double, type Int32, type Long } from 'bson';
import { CommandError, Code } from './errors';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;
const MAX_MESSAGE = 48_000_000;

/**
 * int64 arrives as bigint so its type survives a round trip (a JS number would come back as a
 * double); int32 and double become numbers, which is what the query engine compares natively.
 */
export const DESERIALIZE = { useBigInt64: true, promoteValues: true, promoteBuffers: false } as const;

/**
 * Writes are read without promotion (int32 as Int32, double as Double, int64 as Long) so that a
 * double with an integral value can be told from an int32: in the documents written it stays a
 * bson `Double` (stored, compared and sent back as BSON type 1); everything else becomes the usual
 * numbers and bigints.
 */
const RAW_NUMBERS = { promoteValues: false, promoteBuffers: false } as const;
const WRITES = new Set(['insert', 'update', 'findAndModify', 'findandmodify', 'aggregate']);

/** The first field name of a BSON document (the command name), without parsing it. */
function firstKey(buf: Buffer, offset: number): string {
  if (buf[offset + 4] === 0) return '';
  return readCString(buf, offset + 5)[0];
}

/** In place: numbers and bigints for Int32/Long (and for Double unless `keepDoubles` and integral), plain DBRef documents. */
function promote(v: unknown, keepDoubles: boolean): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = promote(v[i], keepDoubles);
    return v;
  }
  switch ((v as { _bsontype?: string })._bsontype) {
    case undefined:
      for (const k of Object.keys(v)) (v as Document)[k] = promote((v as Document)[k], keepDoubles);
      return v;
    case 'Int32':
      return (v as Int32).value;
    case 'Double': {
      const n = (v as Double).value;
      return keepDoubles && Number.isInteger(n) && !Object.is(n, -0) ? v : n;
    }
    case 'Long':
      return (v as Long).toBigInt();
    case 'BSONSymbol':
      return String((v as BSONSymbol).value);
    case 'DBRef':
      return promote(plainDbRefs(v), keepDoubles);
  }
  return v;
}

/**
 * Only written documents and pipelines keep their Doubles: replacement, operator and pipeline
 * updates, inserted documents, an aggregate's pipeline (where a double literal is a value; the
 * pipeline's counts and filters are made plain again by query.ts).
 */
function promoteWrite(cmd: Document): void {
  const name = Object.keys(cmd)[0];
  for (const key of Object.keys(cmd)) {
    const value = cmd[key];
    if ((name === 'insert' && key === 'documents') || (name === 'aggregate' && key === 'pipeline')) cmd[key] = promote(value, true);
    else if (name === 'update' && key === 'updates' && Array.isArray(value)) {
      for (const stmt of value) {
        if (stmt === null || typeof stmt !== 'object') continue;
        for (const k of Object.keys(stmt)) stmt[k] = promote(stmt[k], k === 'u');
      }
    } else cmd[key] = promote(value, key === 'update' && name !== 'update');
  }
}

/** A `$ref` string element: only messages holding one can hold a DBRef-like subdocument. */
const DBREF_MARKER = Buffer.from('\x02$ref\x00', 'latin1');

/**
 * bson turns every `{$ref, $id}` subdocument into a DBRef object; a server stores and queries
 * them as the documents they are (`{'ref.$id': 1}`, `{$elemMatch: {$id: 1}}`), so they are put back.
 */
function plainDbRefs(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = plainDbRefs(v[i]);
    return v;
  }
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof DBRef) {
    const doc: Document = { $ref: v.collection, $id: plainDbRefs(v.oid as unknown) };
    if (v.db !== undefined) doc.$db = v.db;
    for (const [k, x] of Object.entries(v.fields)) doc[k] = plainDbRefs(x);
    return doc;
  }
  if (Object.getPrototypeOf(v) === Object.prototype) for (const k of Object.keys(v)) (v as Document)[k] = plainDbRefs((v as Document)[k]);
  return v;
}

/**
 * A stored document (or a journal record holding them) read back exactly as a write brings it in:
 * integral doubles stay bson `Double`, int32 becomes a number, int64 a bigint, DBRefs plain documents.
 */
export function decodeStored(buf: Buffer): Document {
  return promote(deserialize(buf, RAW_NUMBERS), true) as Document;
}

export interface Request {
  requestId: number;
  opCode: number;
  /** The command document, with kind-1 document sequences folded in as arrays. */
  command: Document;
  /** The client wants no reply (OP_MSG moreToCome). */
  moreToCome: boolean;
}

/** Re-frames a TCP stream: one data event can hold part of a message, or several messages. */
export class Framer {
  private chunks: Buffer[] = [];
  private length = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.length += chunk.length;
    const out: Buffer[] = [];
    while (this.length >= 4) {
      if (this.chunks[0].length < 4) this.flatten();
      const size = this.chunks[0].readInt32LE(0);
      if (size < 16 || size > MAX_MESSAGE) throw new Error(`invalid message length ${size}`);
      if (this.length < size) break;
      const all = this.flatten();
      out.push(all.subarray(0, size));
      const rest = all.subarray(size);
      this.chunks = rest.length ? [rest] : [];
      this.length = rest.length;
    }
    return out;
  }

  private flatten(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0];
  }
}

function readCString(buf: Buffer, offset: number): [string, number] {
  const end = buf.indexOf(0, offset);
  if (end < 0) throw new Error('unterminated cstring');
  return [buf.toString('utf8', offset, end), end + 1];
}

export function parseMessage(buf: Buffer): Request {
  const requestId = buf.readInt32LE(4);
  const opCode = buf.readInt32LE(12);
  if (opCode === OP_MSG) return parseOpMsg(buf, requestId);
  if (opCode === OP_QUERY) return parseOpQuery(buf, requestId);
  throw new CommandError(Code.CommandNotSupported, `unsupported opCode ${opCode}`);
}

function parseOpMsg(buf: Buffer, requestId: number): Request {
  const flags = buf.readUInt32LE(16);
  const end = flags & CHECKSUM_PRESENT ? buf.length - 4 : buf.length;
  let offset = 20;
  let command: Document | undefined;
  const raw = buf[20] === 0 && WRITES.has(firstKey(buf, 21));
  const options = raw ? RAW_NUMBERS : DESERIALIZE;
  const sequences: [string, Document[]][] = [];
  while (offset < end) {
    const kind = buf[offset++];
    if (kind === 0) {
      const size = buf.readInt32LE(offset);
      command = deserialize(buf.subarray(offset, offset + size), options);
      offset += size;
    } else if (kind === 1) {
      const size = buf.readInt32LE(offset);
      const stop = offset + size;
      const [id, start] = readCString(buf, offset + 4);
      const docs: Document[] = [];
      for (let p = start; p < stop;) {
        const len = buf.readInt32LE(p);
        docs.push(deserialize(buf.subarray(p, p + len), options));
        p += len;
      }
      sequences.push([id, docs]);
      offset = stop;
    } else {
      throw new Error(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!command) throw new Error('OP_MSG without a body section');
  for (const [id, docs] of sequences) command[id] = docs;
  if (raw) promoteWrite(command);
  else if (buf.includes(DBREF_MARKER)) plainDbRefs(command);
  return { requestId, opCode: OP_MSG, command, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

/** Legacy OP_QUERY: only the driver's first handshake uses it, always against `<db>.$cmd`. */
function parseOpQuery(buf: Buffer, requestId: number): Request {
  const [ns, after] = readCString(buf, 20);
  const offset = after + 8; // numberToSkip, numberToReturn
  const size = buf.readInt32LE(offset);
  let command = deserialize(buf.subarray(offset, offset + size), DESERIALIZE);
  if (command.$query) command = command.$query as Document;
  const db = ns.endsWith('.$cmd') ? ns.slice(0, -5) : ns;
  return { requestId, opCode: OP_QUERY, command: { ...command, $db: command.$db ?? db }, moreToCome: false };
}

let nextRequestId = 1;

/** One buffer per reply (one socket write): the header, OP_MSG's flags and section kind or OP_REPLY's fixed fields, the body. */
export function encodeReply(responseTo: number, opCode: number, doc: Document): Buffer {
  const body = serialize(doc);
  const fixed = opCode === OP_QUERY ? 16 + 20 : 16 + 5;
  const out = Buffer.allocUnsafe(fixed + body.length);
  out.writeInt32LE(fixed + body.length, 0);
  out.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  out.writeInt32LE(responseTo, 8);
  out.fill(0, 12, fixed);
  if (opCode === OP_QUERY) {
    // OP_REPLY: responseFlags, cursorID (int64 0), startingFrom, numberReturned (1), then the document.
    out.writeInt32LE(OP_REPLY, 12);
    out.writeInt32LE(1, 32);
  } else {
    out.writeInt32LE(OP_MSG, 12); // flagBits 0, section kind 0
  }
  out.set(body, fixed);
  return out;
}
