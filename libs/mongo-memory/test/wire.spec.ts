import { connect, type Socket } from 'node:net';
import { deserialize, serialize, type Document } from 'bson';
import { startTarget, type Target } from './harness';

/**
 * The wire protocol spoken by hand over a raw socket: legacy OP_QUERY handshake, OP_MSG
 * document sequences, checksums, moreToCome, and TCP re-framing.
 */

let t: Target;
let socket: Socket;
const replies: Buffer[] = [];
let waiting: (() => void) | undefined;
let pending = Buffer.alloc(0);

beforeAll(async () => {
  t = await startTarget('wire');
  const host = new URL(t.uri.replace(/,.*?\//, '/')).host;
  const [hostname, port] = [host.slice(0, host.lastIndexOf(':')).replace(/^\[|\]$/g, ''), Number(host.slice(host.lastIndexOf(':') + 1))];
  socket = connect(port, hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
      replies.push(pending.subarray(0, pending.readInt32LE(0)));
      pending = pending.subarray(pending.readInt32LE(0));
    }
    waiting?.();
  });
});
afterAll(async () => {
  socket.destroy();
  await t.close();
});

async function nextReply(): Promise<Buffer> {
  while (replies.length === 0) await new Promise<void>((resolve) => (waiting = resolve));
  return replies.shift()!;
}

let requestId = 100;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32c(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buf) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function header(length: number, id: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(id, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

function opMsg(body: Document, options: { flags?: number; sequence?: [string, Document[]]; checksum?: boolean } = {}): { id: number; bytes: Buffer } {
  const id = ++requestId;
  const flags = (options.flags ?? 0) | (options.checksum ? 1 : 0);
  const sections = [Buffer.from([0]), serialize(body)];
  if (options.sequence) {
    const [name, docs] = options.sequence;
    const payload = Buffer.concat([Buffer.from(name + '\0'), ...docs.map((d) => serialize(d))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4);
    sections.push(Buffer.from([1]), size, payload);
  }
  const flagBytes = Buffer.alloc(4);
  flagBytes.writeUInt32LE(flags);
  const length = 16 + 4 + sections.reduce((n, b) => n + b.length, 0) + (options.checksum ? 4 : 0);
  let bytes = Buffer.concat([header(length, id, 2013), flagBytes, ...sections]);
  if (options.checksum) {
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(crc32c(bytes));
    bytes = Buffer.concat([bytes, crc]);
  }
  return { id, bytes };
}

function parseMsgReply(buf: Buffer): { responseTo: number; doc: Document } {
  expect(buf.readInt32LE(12)).toBe(2013);
  expect(buf[20]).toBe(0);
  return { responseTo: buf.readInt32LE(8), doc: deserialize(buf.subarray(21)) };
}

async function command(body: Document, options: Parameters<typeof opMsg>[1] = {}): Promise<Document> {
  const { id, bytes } = opMsg({ ...body, $db: t.dbName }, options);
  socket.write(bytes);
  const reply = parseMsgReply(await nextReply());
  expect(reply.responseTo).toBe(id);
  return reply.doc;
}

describe('wire protocol', () => {
  it('answers a legacy OP_QUERY hello with an OP_REPLY', async () => {
    const id = ++requestId;
    const query = serialize({ ismaster: 1, helloOk: true });
    const fixed = Buffer.alloc(4);
    const ns = Buffer.from('admin.$cmd\0');
    const skipReturn = Buffer.alloc(8);
    skipReturn.writeInt32LE(-1, 4);
    const body = Buffer.concat([fixed, ns, skipReturn, query]);
    socket.write(Buffer.concat([header(16 + body.length, id, 2004), body]));
    const reply = await nextReply();
    expect(reply.readInt32LE(8)).toBe(id);
    expect(reply.readInt32LE(12)).toBe(1);
    expect(reply.readBigInt64LE(20)).toBe(0n);
    expect(reply.readInt32LE(32)).toBe(1);
    const doc = deserialize(reply.subarray(36));
    expect(doc).toMatchObject({ ok: 1, ismaster: true, minWireVersion: 0, helloOk: true });
    expect(doc.maxWireVersion).toBeGreaterThanOrEqual(21);
    expect(doc.logicalSessionTimeoutMinutes).toBeGreaterThan(0);
  });

  it('reads kind-1 document sequences', async () => {
    const reply = await command(
      { insert: 'seq' },
      {
        sequence: [
          'documents',
          [
            { _id: 1, a: 1 },
            { _id: 2, a: 2 },
          ],
        ],
      },
    );
    expect(reply).toMatchObject({ ok: 1, n: 2 });
    const found = await command({ find: 'seq', filter: {} });
    expect(found.cursor.firstBatch).toEqual([
      { _id: 1, a: 1 },
      { _id: 2, a: 2 },
    ]);
  });

  it('accepts messages carrying a CRC-32C checksum', async () => {
    expect(await command({ ping: 1 }, { checksum: true })).toMatchObject({ ok: 1 });
  });

  it('sends no reply when moreToCome is set', async () => {
    const { bytes } = opMsg({ insert: 'quiet', documents: [{ _id: 'q' }], writeConcern: { w: 0 }, $db: t.dbName }, { flags: 2 });
    socket.write(bytes);
    // The next reply on the socket belongs to the next request.
    const found = await command({ find: 'quiet', filter: {} });
    expect(found.cursor.firstBatch).toEqual([{ _id: 'q' }]);
  });

  it('re-frames messages split across writes and merged into one', async () => {
    const { id, bytes } = opMsg({ ping: 1, $db: 'admin' });
    for (const byte of bytes) socket.write(Buffer.from([byte]));
    expect(parseMsgReply(await nextReply())).toMatchObject({ responseTo: id, doc: { ok: 1 } });
    const a = opMsg({ ping: 1, $db: 'admin' });
    const b = opMsg({ ping: 1, $db: 'admin' });
    socket.write(Buffer.concat([a.bytes, b.bytes]));
    expect(parseMsgReply(await nextReply()).responseTo).toBe(a.id);
    expect(parseMsgReply(await nextReply()).responseTo).toBe(b.id);
  });

  it('answers errors with ok: 0, errmsg, code and codeName', async () => {
    const reply = await command({ frobnicate: 1 });
    expect(reply).toMatchObject({ ok: 0, code: 59, codeName: 'CommandNotFound' });
    expect(typeof reply.errmsg).toBe('string');
  });
});
