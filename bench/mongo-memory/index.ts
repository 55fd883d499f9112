/**
 * mongo-memory throughput through the real driver over TCP: insert, find by _id, find by a unique
 * key and update, at 10k and 100k documents. `ping` is the raw baseline run beside them: each
 * figure is also shown as its cost relative to one ping round trip. The check that matters:
 * find by a unique key must not slow down with collection size (hash index, no scan), so its cost
 * at 100k must stay within 1.5x its cost at 10k.
 *
 *   node -r @swc-node/register bench/mongo-memory/index.ts
 */
import { MongoClient, ObjectId, type Collection } from 'mongodb';
import { MongoMemoryServer } from '../../libs/mongo-memory/src';

const SIZES = [10_000, 100_000];
const LOOKUPS = 3_000;
const ROUNDS = 7;
const MAX_RATIO = 1.5;

interface Row {
  size: number;
  op: string;
  opsPerSec: number;
  usPerOp: number;
  vsPing: number;
}

async function timed(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  return Number(process.hrtime.bigint() - start) / 1e3 / n; // microseconds per op
}

interface Loaded {
  size: number;
  coll: Collection;
  ids: ObjectId[];
  insertUs: number;
}

async function load(client: MongoClient, size: number): Promise<Loaded> {
  const coll: Collection = client.db('bench').collection(`people_${size}`);
  await coll.createIndex({ email: 1 }, { unique: true });
  const ids: ObjectId[] = [];
  const batch = 1_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < size; i += batch) {
    const docs = Array.from({ length: batch }, (_, j) => {
      const _id = new ObjectId();
      ids.push(_id);
      return { _id, email: `user${i + j}@example.org`, n: i + j, city: `city${(i + j) % 50}` };
    });
    await coll.insertMany(docs);
  }
  return { size, coll, ids, insertUs: Number(process.hrtime.bigint() - start) / 1e3 / size };
}

const OPS: [string, (l: Loaded, i: number) => Promise<unknown>][] = [
  ['find by _id', (l, i) => l.coll.findOne({ _id: l.ids[pick(l, i)] })],
  ['find by unique key', (l, i) => l.coll.findOne({ email: `user${pick(l, i)}@example.org` })],
  ['update by _id ($inc)', (l, i) => l.coll.updateOne({ _id: l.ids[pick(l, i)] }, { $inc: { n: 1 } })],
];
const pick = (l: Loaded, i: number) => (i * 7919) % l.size; // spread over the whole collection

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Sizes are measured in alternating rounds and the median kept, so machine noise hits both alike. */
async function measure(loaded: Loaded[], op: (l: Loaded, i: number) => Promise<unknown>): Promise<number[]> {
  const samples = loaded.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < loaded.length; k++) samples[k].push(await timed(LOOKUPS / ROUNDS, (i) => op(loaded[k], i + round * 1000)));
  }
  return samples.map(median);
}

async function main(): Promise<void> {
  const started = Date.now();
  const server = new MongoMemoryServer({ replicaSet: 'rs0' });
  const client = await MongoClient.connect(await server.start({ port: 0 }));
  try {
    const admin = client.db('admin');
    let pingUs = 1;
    const row = (size: number, op: string, us: number): Row => ({
      size,
      op,
      opsPerSec: Math.round(1e6 / us),
      usPerOp: Math.round(us * 10) / 10,
      vsPing: Math.round((us / pingUs) * 100) / 100,
    });
    const loaded: Loaded[] = [];
    for (const size of SIZES) loaded.push(await load(client, size));
    for (const l of loaded) await timed(300, (i) => OPS[0][1](l, i)); // warm-up
    // The baseline is measured warm, in rounds like the rest.
    const pings: number[] = [];
    for (let r = 0; r < ROUNDS; r++) pings.push(await timed(LOOKUPS / ROUNDS, () => admin.command({ ping: 1 })));
    pingUs = median(pings);
    const rows: Row[] = [row(0, 'ping (baseline)', pingUs)];
    for (const l of loaded) rows.push(row(l.size, 'insert (batches of 1000)', l.insertUs));
    for (const [name, op] of OPS) {
      const costs = await measure(loaded, op);
      loaded.forEach((l, k) => rows.push(row(l.size, name, costs[k])));
    }
    rows.sort((a, b) => a.size - b.size);
    const cost = (size: number) => rows.find((r) => r.size === size && r.op === 'find by unique key')!.usPerOp;
    const ratio = Math.round((cost(100_000) / cost(10_000)) * 100) / 100;
    console.log('\nmongo-memory (driver over TCP, in-process server)\n');
    console.log(['docs'.padStart(8), 'operation'.padEnd(26), 'ops/s'.padStart(10), 'µs/op'.padStart(9), 'x ping'.padStart(8)].join('  '));
    for (const r of rows) {
      console.log(
        [
          String(r.size || '-').padStart(8),
          r.op.padEnd(26),
          String(r.opsPerSec).padStart(10),
          r.usPerOp.toFixed(1).padStart(9),
          r.vsPing.toFixed(2).padStart(8),
        ].join('  '),
      );
    }
    const pass = ratio <= MAX_RATIO;
    console.log(`\nfind by unique key, cost at 100k / cost at 10k: ${ratio} (limit ${MAX_RATIO}) ${pass ? 'OK' : 'FAIL'}`);
    console.log(
      JSON.stringify({
        bench: 'mongo-memory',
        rows,
        findByUniqueKeyRatio100kVs10k: ratio,
        limit: MAX_RATIO,
        pass,
        seconds: (Date.now() - started) / 1000,
      }),
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await client.close();
    await server.stop();
  }
}

void main();
