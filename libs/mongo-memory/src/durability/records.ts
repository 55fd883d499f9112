import { calculateObjectSize, serializeWithBufferAndIndex, type Document } from 'bson';
import { crc32 } from 'node:zlib';
import { decodeStored } from '../wire';

/**
 * Framing shared by the journal and the snapshot: each record is
 *
 *   uint32 LE payload length | uint32 LE CRC-32 of the payload | payload (one BSON document)
 *
 * so a reader can tell a complete record from a torn one (the file ends inside it) and from a
 * corrupt one (the checksum does not match).
 */
export const HEADER_BYTES = 8;
/** Bigger than any sane record (a transaction of many 16 MiB documents): a larger length is garbage. */
const MAX_RECORD = 1024 * 1024 * 1024;

export function encodeRecord(payload: Document): Buffer {
  const size = calculateObjectSize(payload);
  const buf = Buffer.allocUnsafe(HEADER_BYTES + size);
  serializeWithBufferAndIndex(payload, buf, { index: HEADER_BYTES });
  buf.writeUInt32LE(size, 0);
  buf.writeUInt32LE(crc32(buf.subarray(HEADER_BYTES)), 4);
  return buf;
}

/** Thrown for a record that is damaged but followed by more data: replaying past it would lose or reorder writes. */
export class CorruptRecordError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(
      `mongo-memory: corrupt record in ${file} at offset ${offset} (${reason}); refusing to start. Move the file away to start from what precedes it.`,
    );
  }
}

export interface ScanResult {
  /** Where the valid records end: a torn or corrupt last record starts here. */
  end: number;
  /** Why the tail after `end` was ignored, when there is one. */
  tail?: string;
}

/**
 * Calls `each` for every valid record of `buf` in order. A damaged record that is the last one in
 * the file (torn by a crash mid-write) ends the scan; a damaged record followed by more bytes
 * throws CorruptRecordError, as does a record `each` cannot apply.
 */
export function scanRecords(buf: Buffer, file: string, each: (record: Document, offset: number) => void): ScanResult {
  let offset = 0;
  while (offset < buf.length) {
    const left = buf.length - offset;
    if (left < HEADER_BYTES) return { end: offset, tail: `${left} bytes of a torn record header` };
    const size = buf.readUInt32LE(offset);
    const stop = offset + HEADER_BYTES + size;
    if (size < 5 || size > MAX_RECORD) {
      // A length no writer produces: garbage at the tail is a torn write, garbage before good data is corruption.
      if (buf.subarray(offset).every((b) => b === 0)) return { end: offset, tail: `${left} zero bytes` };
      throw new CorruptRecordError(file, offset, `impossible record length ${size}`);
    }
    if (stop > buf.length) return { end: offset, tail: `a torn record of ${size} bytes with ${left - HEADER_BYTES} written` };
    const payload = buf.subarray(offset + HEADER_BYTES, stop);
    if (crc32(payload) !== buf.readUInt32LE(offset + 4)) {
      if (stop === buf.length) return { end: offset, tail: 'a last record whose checksum does not match' };
      throw new CorruptRecordError(file, offset, 'checksum mismatch');
    }
    let record: Document;
    try {
      record = decodeStored(payload);
    } catch (err) {
      throw new CorruptRecordError(file, offset, `undecodable BSON: ${(err as Error).message}`);
    }
    try {
      each(record, offset);
    } catch (err) {
      throw new CorruptRecordError(file, offset, `cannot apply ${String(record.t)} record: ${(err as Error).message}`);
    }
    offset = stop;
  }
  return { end: offset };
}
