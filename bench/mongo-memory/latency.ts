/**
 * Round-trip latency of `ping` and of `findOne({_id})` on 10k documents, through the real driver
 * over TCP, against mongo-memory and against a raw wire server (raw-wire-server.ts) run beside it in
 * the same process with the same documents. Driver, socket and bson costs are common to both, so
 * `ratio` (mongo-memory / raw) and `serverUs` (the difference) isolate mongo-memory's own work per
 * request. Rounds alternate between the two servers and the median is kept.
 */
import { MongoClient, ObjectId, type Collection, type Db } from 'mongodb';
import { MongoMemoryServer } from '../../libs/mongo-memory/src';
import { RawWireServer } from './raw-wire-server';

const DOCUMENTS = 10_000;
const PER_ROUND = 300;
const ROUNDS = 31;

export interface LatencyFigure {
  /** µs per round trip against mongo-memory. */
  us: number;
  /** µs per round trip against the raw wire server. */
  rawUs: number;
  ratio: number;
  /** us - rawUs: what mongo-memory adds per request. */
  serverUs: number;
  /**
   * CPU time of the process (driver and server, user + system) per round trip: less disturbed than
   * wall time by other work on a shared machine, so the steadier figure of the server's own cost.
   */
  cpuUs: number;
  rawCpuUs: number;
  cpuRatio: number;
  serverCpuUs: number;
}

export interface Latency {
  documents: number;
  ping: LatencyFigure;
  findById: LatencyFigure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Wall and CPU µs per call. */
async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<[number, number]> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const wall = Number(process.hrtime.bigint() - start) / 1e3 / n;
  const used = process.cpuUsage(cpu);
  return [wall, (used.user + used.system) / n];
}

interface Target {
  admin: Db;
  coll: Collection;
}

async function compare(targets: [Target, Target], op: (t: Target, i: number) => Promise<unknown>): Promise<LatencyFigure> {
  const wall: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  for (const t of targets) await timed(PER_ROUND * 2, (i) => op(t, i)); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, t] of targets.entries()) {
      const [w, c] = await timed(PER_ROUND, (i) => op(t, i + r * PER_ROUND));
      wall[k].push(w);
      cpu[k].push(c);
    }
  }
  const [us, rawUs] = wall.map(median);
  const [cpuUs, rawCpuUs] = cpu.map(median);
  return {
    us: round(us),
    rawUs: round(rawUs),
    ratio: round(us / rawUs, 2),
    serverUs: round(us - rawUs),
    cpuUs: round(cpuUs),
    rawCpuUs: round(rawCpuUs),
    cpuRatio: round(cpuUs / rawCpuUs, 2),
    serverCpuUs: round(cpuUs - rawCpuUs),
  };
}

export async function latency(): Promise<Latency> {
  const docs = Array.from({ length: DOCUMENTS }, (_, n) => ({ _id: new ObjectId(), email: `user${n}@example.org`, n, city: `city${n % 50}` }));
  const server = new MongoMemoryServer({ replicaSet: 'rs0' });
  const raw = new RawWireServer();
  raw.load(docs);
  const clients = [await MongoClient.connect(await server.start({ port: 0 })), await MongoClient.connect(await raw.start('rs0'))];
  try {
    const targets = clients.map((c) => ({ admin: c.db('admin'), coll: c.db('bench').collection('latency') })) as [Target, Target];
    await targets[0].coll.insertMany(docs.map((d) => ({ ...d })));
    const ping = await compare(targets, (t) => t.admin.command({ ping: 1 }));
    const findById = await compare(targets, (t, i) => t.coll.findOne({ _id: docs[(i * 7919) % DOCUMENTS]._id }));
    return { documents: DOCUMENTS, ping, findById };
  } finally {
    for (const c of clients) await c.close();
    await server.stop();
    await raw.stop();
  }
}

export function printLatency(l: Latency): void {
  console.log(`\nmongo-memory round trips vs a raw wire server (driver over TCP, ${l.documents} documents, median of ${ROUNDS} rounds)\n`);
  const columns = ['µs', 'raw µs', 'ratio', 'server µs', 'cpu µs', 'raw cpu µs', 'cpu ratio', 'server cpu µs'];
  console.log(['operation'.padEnd(12), ...columns.map((c) => c.padStart(c.length + 1))].join(' '));
  for (const [name, f] of [
    ['ping', l.ping],
    ['find by _id', l.findById],
  ] as const) {
    const cells = [f.us, f.rawUs, f.ratio, f.serverUs, f.cpuUs, f.rawCpuUs, f.cpuRatio, f.serverCpuUs];
    console.log([name.padEnd(12), ...cells.map((x, i) => String(x).padStart(columns[i].length + 1))].join(' '));
  }
}
