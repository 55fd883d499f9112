/**
 * The raw baseline of the latency measurement: the least a server speaking the MongoDB wire protocol
 * must do per request. It re-frames the TCP stream, decodes the command with `bson`, answers hello
 * as mongo-memory does (so the driver behaves alike: same topology, sessions), ping with `{ok: 1}`
 * and a find by `_id` from a Map, serialized with `bson`. No sessions, no dispatch, no query engine.
 */
import { deserialize, serialize, type Document } from 'bson';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;

/** What a connection needs of its socket. */
export interface WireSocket {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  write(bytes: Buffer): unknown;
}

export class RawWireServer {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private address = '';
  private readonly docs = new Map<string, Document>();

  /** Documents answered by `find({_id})`, keyed by the hex string of their ObjectId. */
  load(docs: Document[]): void {
    for (const doc of docs) this.docs.set(String(doc._id), doc);
  }

  async start(replicaSet: string): Promise<string> {
    const server = createServer((socket) => this.accept(socket, replicaSet));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    return `mongodb://${this.address}/?replicaSet=${replicaSet}`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private accept(socket: Socket, replicaSet: string): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    this.serve(socket, replicaSet);
  }

  /** The protocol on one connection (a socket, or the stand-in server-side.ts feeds). */
  serve(socket: WireSocket, replicaSet: string): void {
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const size = pending.readInt32LE(0);
        const message = pending.subarray(0, size);
        pending = pending.subarray(size);
        socket.write(this.answer(message, replicaSet));
      }
    });
  }

  private answer(message: Buffer, replicaSet: string): Buffer {
    const requestId = message.readInt32LE(4);
    const opCode = message.readInt32LE(12);
    let command: Document;
    if (opCode === OP_QUERY) {
      const nsEnd = message.indexOf(0, 20);
      const at = nsEnd + 1 + 8;
      command = deserialize(message.subarray(at, at + message.readInt32LE(at)));
    } else {
      command = deserialize(message.subarray(21, 21 + message.readInt32LE(21))); // flags, kind 0, body
    }
    const body = serialize(this.reply(command, replicaSet));
    const header = Buffer.alloc(opCode === OP_QUERY ? 36 : 21);
    header.writeInt32LE(header.length + body.length, 0);
    header.writeInt32LE(requestId, 8);
    if (opCode === OP_QUERY) {
      header.writeInt32LE(OP_REPLY, 12);
      header.writeInt32LE(1, 32); // numberReturned
    } else {
      header.writeInt32LE(OP_MSG, 12);
    }
    return Buffer.concat([header, body]);
  }

  private reply(cmd: Document, replicaSet: string): Document {
    const name = Object.keys(cmd)[0];
    if (name === 'hello' || name === 'isMaster' || name === 'ismaster') {
      return {
        isWritablePrimary: true,
        ismaster: true,
        helloOk: true,
        maxBsonObjectSize: 16 * 1024 * 1024,
        maxMessageSizeBytes: 48_000_000,
        maxWriteBatchSize: 100_000,
        localTime: new Date(),
        logicalSessionTimeoutMinutes: 30,
        connectionId: 1,
        minWireVersion: 0,
        maxWireVersion: 21,
        readOnly: false,
        setName: replicaSet,
        setVersion: 1,
        hosts: [this.address],
        me: this.address,
        primary: this.address,
        secondary: false,
        ok: 1,
      };
    }
    if (name === 'find') {
      const doc = this.docs.get(String((cmd.filter as Document)._id));
      return { cursor: { firstBatch: doc ? [doc] : [], id: 0n, ns: `${cmd.$db}.${cmd.find}` }, ok: 1 };
    }
    return { ok: 1 };
  }
}
