/**
 * Round-trip latency of `ping` and of `findOne({_id})` on 10k documents, through the real driver
 * over TCP, against mongo-memory and against a raw wire server (raw-wire-server.ts) with the same
 * documents. Driver, socket and bson costs are common to both, so `ratio` (mongo-memory / raw) and
 * `serverUs` (the difference) isolate mongo-memory's own work per request. Rounds alternate between
 * the two servers and the median is kept. Two placements: both servers in the client's process, and
 * each server in a process of its own (as `npm start` runs the embedded server), where the round
 * trip adds two process wake-ups and the CPU columns add the server process's CPU to the client's.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { MongoClient, type Collection, type Db } from 'mongodb';
import { MongoMemoryServer } from '../../libs/mongo-memory/src';
import { RawWireServer } from './raw-wire-server';
import { latencyDocuments } from './latency-documents';

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
  placement: Placement;
  documents: number;
  ping: LatencyFigure;
  findById: LatencyFigure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** `same-process`: servers in the client's process; `own-process`: each in a child process. */
export type Placement = 'same-process' | 'own-process';

interface Target {
  admin: Db;
  coll: Collection;
  /** CPU µs the target's server process has used, when it is not this process. */
  serverCpu?: () => Promise<number>;
}

/** Wall and CPU µs per call (this process's CPU, plus the server process's when it has its own). */
async function timed(t: Target, n: number, fn: (i: number) => Promise<unknown>): Promise<[number, number]> {
  const serverBefore = await t.serverCpu?.();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const wall = Number(process.hrtime.bigint() - start) / 1e3 / n;
  const used = process.cpuUsage(cpu);
  const serverUsed = serverBefore === undefined ? 0 : (await t.serverCpu!()) - serverBefore;
  return [wall, (used.user + used.system + serverUsed) / n];
}

async function compare(targets: [Target, Target], op: (t: Target, i: number) => Promise<unknown>): Promise<LatencyFigure> {
  const wall: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  for (const t of targets) await timed(t, PER_ROUND * 2, (i) => op(t, i)); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, t] of targets.entries()) {
      const [w, c] = await timed(t, PER_ROUND, (i) => op(t, i + r * PER_ROUND));
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

/** A server in a child process (latency-server.ts): its address, its CPU on request, and how to stop it. */
async function serverProcess(kind: 'mongo-memory' | 'raw'): Promise<{ uri: string; cpu: () => Promise<number>; child: ChildProcess }> {
  const child = fork(join(__dirname, 'latency-server.ts'), [kind], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let waiting: { resolve(m: { uri?: string; cpuUs?: number }): void; reject(e: Error): void } | undefined;
  child.on('message', (m: { uri?: string; cpuUs?: number }) => waiting?.resolve(m));
  child.once('exit', (code) => waiting?.reject(new Error(`the ${kind} server process exited (${code})`)));
  const next = () => new Promise<{ uri?: string; cpuUs?: number }>((resolve, reject) => (waiting = { resolve, reject }));
  const { uri } = await next();
  const cpu = async () => {
    const answer = next();
    child.send('cpu');
    return (await answer).cpuUs!;
  };
  return { uri: uri!, cpu, child };
}

export async function latency(placement: Placement): Promise<Latency> {
  const docs = latencyDocuments();
  const clients: MongoClient[] = [];
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const serverCpu: ((() => Promise<number>) | undefined)[] = [];
    if (placement === 'same-process') {
      const server = new MongoMemoryServer({ replicaSet: 'rs0' });
      const raw = new RawWireServer();
      raw.load(docs);
      stops.push(
        () => server.stop(),
        () => raw.stop(),
      );
      clients.push(await MongoClient.connect(await server.start({ port: 0 })), await MongoClient.connect(await raw.start('rs0')));
    } else {
      for (const kind of ['mongo-memory', 'raw'] as const) {
        const { uri, cpu, child } = await serverProcess(kind);
        stops.push(async () => child.kill());
        serverCpu.push(cpu);
        clients.push(await MongoClient.connect(uri));
      }
    }
    const targets = clients.map((c, k) => ({ admin: c.db('admin'), coll: c.db('bench').collection('latency'), serverCpu: serverCpu[k] })) as [
      Target,
      Target,
    ];
    await targets[0].coll.insertMany(docs.map((d) => ({ ...d })));
    const ping = await compare(targets, (t) => t.admin.command({ ping: 1 }));
    const findById = await compare(targets, (t, i) => t.coll.findOne({ _id: docs[(i * 7919) % docs.length]._id }));
    return { placement, documents: docs.length, ping, findById };
  } finally {
    for (const c of clients) await c.close();
    for (const stop of stops) await stop();
  }
}

export function printLatency(l: Latency): void {
  const where = l.placement === 'same-process' ? 'servers in the client process' : 'each server in its own process';
  console.log(`\nmongo-memory round trips vs a raw wire server (driver over TCP, ${where}, ${l.documents} documents, median of ${ROUNDS} rounds)\n`);
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
