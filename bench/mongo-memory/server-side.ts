/**
 * The servers' own work per request, without the driver or the kernel: the bytes the driver sends
 * for `ping` and `findOne({_id})` (10k documents) fed to each server's connection handler through a
 * stand-in socket whose write() completes the request. CPU µs per request of mongo-memory's handler
 * (connection.ts: framing, parsing, sessions, dispatch, the command, encoding) beside the raw wire
 * server's (decode, a Map lookup, encode); rounds alternate and the median is kept. Much steadier
 * than round trips on a shared machine, where the driver and the loopback dominate.
 */
import { EventEmitter } from 'node:events';
import { ObjectId, serialize, UUID, type Document } from 'bson';
import { serveConnection } from '../../libs/mongo-memory/src/connection';
import { Engine } from '../../libs/mongo-memory/src/engine';
import { RawWireServer } from './raw-wire-server';

const DOCUMENTS = 10_000;
const PER_ROUND = 20_000;
const ROUNDS = 9;

export interface ServerSideFigure {
  /** CPU µs per request in mongo-memory's connection handler. */
  us: number;
  /** The same in the raw wire server's. */
  rawUs: number;
  ratio: number;
  /** us - rawUs: mongo-memory's own work per request. */
  ownUs: number;
}

/** A socket stand-in: `request()` emits the bytes and resolves at the reply's write. */
class StandIn extends EventEmitter {
  readonly destroyed = false;
  private replied?: () => void;

  request(bytes: Buffer): Promise<void> {
    return new Promise((resolve) => {
      this.replied = resolve;
      this.emit('data', bytes);
    });
  }

  write(): boolean {
    const replied = this.replied;
    this.replied = undefined;
    replied?.();
    return true;
  }

  destroy(): void {
    throw new Error('the server closed the stand-in connection');
  }
}

/** An OP_MSG request as the driver frames it (flags 0, one kind-0 section). */
function opMsg(doc: Document): Buffer {
  const body = serialize(doc);
  const head = Buffer.alloc(21);
  head.writeInt32LE(21 + body.length, 0);
  head.writeInt32LE(1, 4);
  head.writeInt32LE(2013, 12);
  return Buffer.concat([head, body]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 100) / 100;

async function cpuPerRequest(socket: StandIn, messages: Buffer[]): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < PER_ROUND; i++) await socket.request(messages[i % messages.length]);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / PER_ROUND;
}

async function compare(sockets: [StandIn, StandIn], messages: Buffer[]): Promise<ServerSideFigure> {
  const samples: [number[], number[]] = [[], []];
  for (const s of sockets) await cpuPerRequest(s, messages); // warm-up
  for (let r = 0; r < ROUNDS; r++) for (const [k, s] of sockets.entries()) samples[k].push(await cpuPerRequest(s, messages));
  const [us, rawUs] = samples.map(median);
  return { us: round(us), rawUs: round(rawUs), ratio: round(us / rawUs), ownUs: round(us - rawUs) };
}

export async function serverSide(): Promise<{ ping: ServerSideFigure; findById: ServerSideFigure }> {
  const docs = Array.from({ length: DOCUMENTS }, (_, n) => ({ _id: new ObjectId(), email: `user${n}@example.org`, n, city: `city${n % 50}` }));
  const engine = new Engine('rs0');
  try {
    const inserted = await engine.run({ insert: 'latency', documents: docs.map((d) => ({ ...d })), $db: 'bench' }, 1);
    if (inserted.n !== DOCUMENTS) throw new Error(`insert failed: ${JSON.stringify(inserted)}`);
    const raw = new RawWireServer();
    raw.load(docs);
    const ours = new StandIn();
    const rawSocket = new StandIn();
    serveConnection(ours, engine, 1);
    raw.serve(rawSocket, 'rs0');
    const lsid = { id: new UUID() };
    const ping = [opMsg({ ping: 1, lsid, $db: 'admin' })];
    const finds = docs
      .slice(0, 1000)
      .map((d) => opMsg({ find: 'latency', filter: { _id: d._id }, limit: 1, singleBatch: true, batchSize: 1, lsid, $db: 'bench' }));
    return { ping: await compare([ours, rawSocket], ping), findById: await compare([ours, rawSocket], finds) };
  } finally {
    engine.close();
  }
}
