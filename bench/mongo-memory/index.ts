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

async function benchSize(client: MongoClient, size: number, pingUs: number): Promise<Row[]> {
  const coll: Collection = client.db('bench').collection(`people_${size}`);
  await coll.createIndex({ email: 1 }, { unique: true });
  const ids: ObjectId[] = [];
  const batch = 1_000;
  const insertStart = process.hrtime.bigint();
  for (let i = 0; i < size; i += batch) {
    const docs = Array.from({ length: batch }, (_, j) => {
      const _id = new ObjectId();
      ids.push(_id);
      return { _id, email: `user${i + j}@example.org`, n: i + j, city: `city${(i + j) % 50}` };
    });
    await coll.insertMany(docs);
  }
  const insertUs = Number(process.hrtime.bigint() - insertStart) / 1e3 / size;
  const pick = (i: number) => (i * 7919) % size; // spread over the whole collection
  await timed(200, (i) => coll.findOne({ _id: ids[pick(i)] })); // warm-up
  const byId = await timed(LOOKUPS, (i) => coll.findOne({ _id: ids[pick(i)] }));
  const byEmail = await timed(LOOKUPS, (i) => coll.findOne({ email: `user${pick(i)}@example.org` }));
  const update = await timed(LOOKUPS, (i) => coll.updateOne({ _id: ids[pick(i)] }, { $inc: { n: 1 } }));
  const row = (op: string, us: number): Row => ({ size, op, opsPerSec: Math.round(1e6 / us), usPerOp: Math.round(us * 10) / 10, vsPing: Math.round((us / pingUs) * 100) / 100 });
  return [row('insert (batches of 1000)', insertUs), row('find by _id', byId), row('find by unique key', byEmail), row('update by _id ($inc)', update)];
}

async function main(): Promise<void> {
  const started = Date.now();
  const server = new MongoMemoryServer({ replicaSet: 'rs0' });
  const client = await MongoClient.connect(await server.start({ port: 0 }));
  try {
    const admin = client.db('admin');
    await timed(500, () => admin.command({ ping: 1 }));
    const pingUs = await timed(LOOKUPS, () => admin.command({ ping: 1 }));
    const rows: Row[] = [{ size: 0, op: 'ping (baseline)', opsPerSec: Math.round(1e6 / pingUs), usPerOp: Math.round(pingUs * 10) / 10, vsPing: 1 }];
    for (const size of SIZES) rows.push(...(await benchSize(client, size, pingUs)));

    const cost = (size: number) => rows.find((r) => r.size === size && r.op === 'find by unique key')!.usPerOp;
    const ratio = Math.round((cost(100_000) / cost(10_000)) * 100) / 100;
    console.log('\nmongo-memory (driver over TCP, in-process server)\n');
    console.log(['docs'.padStart(8), 'operation'.padEnd(26), 'ops/s'.padStart(10), 'µs/op'.padStart(9), 'x ping'.padStart(8)].join('  '));
    for (const r of rows) {
      console.log([String(r.size || '-').padStart(8), r.op.padEnd(26), String(r.opsPerSec).padStart(10), r.usPerOp.toFixed(1).padStart(9), r.vsPing.toFixed(2).padStart(8)].join('  '));
    }
    const pass = ratio <= MAX_RATIO;
    console.log(`\nfind by unique key, cost at 100k / cost at 10k: ${ratio} (limit ${MAX_RATIO}) ${pass ? 'OK' : 'FAIL'}`);
    console.log(JSON.stringify({ bench: 'mongo-memory', rows, findByUniqueKeyRatio100kVs10k: ratio, limit: MAX_RATIO, pass, seconds: (Date.now() - started) / 1000 }));
    if (!pass) process.exitCode = 1;
  } finally {
    await client.close();
    await server.stop();
  }
}

void main();
