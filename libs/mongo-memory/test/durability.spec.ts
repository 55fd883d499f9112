import { Double } from 'bson';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Document } from 'mongodb';
import { MongoMemoryServer } from '../src';
import { rejection } from './harness';
import { failedStart, startDurableProcess } from './durable-process';

/** Polls until `probe` is true (the server's TTL pass runs once a second). */
async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mongo-memory-durable-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Offsets of the records of a journal file (length-prefixed). */
function recordOffsets(file: string): number[] {
  const buf = readFileSync(file);
  const offsets: number[] = [];
  for (let p = 0; p < buf.length; p += 8 + buf.readUInt32LE(p)) offsets.push(p);
  return offsets;
}

describe('MongoMemoryServer with a data directory', () => {
  // A child process on a data directory takes a burst of acknowledged writes from several clients
  // (inserts under a unique index, updates, transactions) and is SIGKILLed in the middle of it.
  it.each([
    ['always', { j: true }],
    ['everysec', { w: 1 }],
  ] as const)(
    'keeps every acknowledged write through a SIGKILL (fsync %s, writeConcern %j)',
    async (fsync, writeConcern) => {
      const dir = dataDir();
      let proc = await startDurableProcess(dir, ['--fsync', fsync]);
      const options = { retryWrites: false, serverSelectionTimeoutMS: 2000 };
      let client = await MongoClient.connect(proc.uri, options);
      let db = client.db('durable');
      const wc = { writeConcern };
      await db.collection('people').createIndex({ email: 1 }, { unique: true });
      await db.collection('sessions').createIndex({ expiresAt: 1 }, { expireAfterSeconds: 60 });
      await db.collection('counters').insertOne({ _id: 'hits' as never, n: 0 }, wc);
      // A TTL deletion is a committed write like any other.
      await db.collection('sessions').insertMany(
        [
          { _id: 'expired' as never, expiresAt: new Date(Date.now() - 3_600_000) },
          { _id: 'live' as never, expiresAt: new Date() },
        ],
        wc,
      );
      await until('the TTL pass', async () => (await db.collection('sessions').countDocuments({ _id: 'expired' as never })) === 0);

      const acked = { people: [] as string[], orders: [] as string[], incs: 0 };
      let attemptedIncs = 0;
      let killing: Promise<void> | undefined;
      const ack = () => {
        if (acked.people.length + acked.orders.length + acked.incs >= 300 && !killing) killing = proc.kill();
      };
      const worker = async (w: number) => {
        for (let i = 0; !killing; i++) {
          const id = `w${w}-${i}`;
          const people = db.collection('people');
          if (i % 3 === 0) {
            attemptedIncs++;
            await db.collection('counters').updateOne({ _id: 'hits' as never }, { $inc: { n: 1 } }, wc);
            acked.incs++;
          } else if (i % 3 === 1) {
            await people.insertOne({ _id: id as never, email: `${id}@example.org`, visits: new Double(1) }, wc);
            acked.people.push(id);
            await people.updateOne({ _id: id as never }, { $set: { visits: 2.5 } }, wc);
          } else {
            // An order and its line, all or nothing.
            const session = client.startSession();
            try {
              session.startTransaction({ writeConcern });
              await db.collection('orders').insertOne({ _id: id as never, total: i }, { session });
              await db.collection('lines').insertOne({ _id: id as never, order: id }, { session });
              await session.commitTransaction();
              acked.orders.push(id);
            } finally {
              await session.endSession().catch(() => undefined);
            }
          }
          ack();
        }
      };
      await Promise.allSettled([0, 1, 2, 3].map(worker));
      await killing;
      expect(proc.child.signalCode).toBe('SIGKILL');
      await client.close(true);

      proc = await startDurableProcess(dir, ['--fsync', fsync]);
      expect(proc.output()).toMatch(/recovered 0 documents from the snapshot and \d+ journal records/);
      client = await MongoClient.connect(proc.uri, options);
      db = client.db('durable');
      try {
        const people = await db
          .collection('people')
          .find({ _id: { $in: acked.people as never[] } })
          .toArray();
        expect(people.map((p) => p._id).sort()).toEqual([...acked.people].sort());
        expect(acked.people.length).toBeGreaterThan(50);
        const { n } = (await db.collection('counters').findOne({ _id: 'hits' as never }))!;
        expect(n).toBeGreaterThanOrEqual(acked.incs);
        expect(n).toBeLessThanOrEqual(attemptedIncs);
        // Transactions: every acknowledged one is there, and none is there by half.
        const orders = (await db.collection('orders').find().toArray()).map((o) => o._id as unknown as string).sort();
        const lines = (await db.collection('lines').find().toArray()).map((l) => l._id as unknown as string).sort();
        expect(orders).toEqual(lines);
        expect(orders).toEqual(expect.arrayContaining(acked.orders));
        // Indexes: the unique one still refuses duplicates, the TTL one is still defined and still deletes.
        const indexes = await db.collection('people').listIndexes().toArray();
        expect(indexes).toContainEqual(expect.objectContaining({ name: 'email_1', unique: true }));
        const dup = await rejection(db.collection('people').insertOne({ email: `${acked.people[0]}@example.org` }));
        expect(dup.code).toBe(11000);
        expect(await db.collection('sessions').listIndexes().toArray()).toContainEqual(
          expect.objectContaining({ name: 'expiresAt_1', expireAfterSeconds: 60 }),
        );
        expect((await db.collection('sessions').find().toArray()).map((s) => s._id)).toEqual(['live']);
        await db.collection('sessions').insertOne({ _id: 'old' as never, expiresAt: new Date(0) });
        await until('the TTL pass after restart', async () => (await db.collection('sessions').countDocuments({ _id: 'old' as never })) === 0);
      } finally {
        await client.close();
        await proc.stop();
      }
    },
    60_000,
  );

  it('ignores a torn last journal record, and refuses a corrupt record before the end, naming the file and offset', async () => {
    const dir = dataDir();
    const logs: string[] = [];
    const open = async () => {
      const server = new MongoMemoryServer({ replicaSet: 'rs0', dataDir: dir, log: (m) => logs.push(m) });
      const client = await MongoClient.connect(await server.start());
      return { server, client, coll: client.db('torn').collection('docs') };
    };
    let s = await open();
    for (let i = 0; i < 10; i++) await s.coll.insertOne({ _id: i as never, i });
    await s.client.close();
    await s.server.stop();
    const file = join(dir, 'journal-000001.log');
    const size = statSync(file).size;

    // A crash in the middle of writing a record: its length says 500 bytes, 100 made it to disk.
    const torn = Buffer.alloc(108, 7);
    torn.writeUInt32LE(500, 0);
    appendFileSync(file, torn);
    s = await open();
    expect(await s.coll.countDocuments()).toBe(10);
    expect(s.server.recovery!.ignoredTail).toBe(`${file} at offset ${size}: a torn record of 500 bytes with 100 written`);
    expect(logs.join('\n')).toContain(`ignored a torn last journal record (${file} at offset ${size}`);
    expect(statSync(file).size).toBe(size); // cut there, so later records follow good ones
    await s.coll.insertOne({ _id: 10 as never, i: 10 });
    await s.client.close();
    await s.server.stop();
    s = await open();
    expect(await s.coll.countDocuments()).toBe(11);
    expect(s.server.recovery!.ignoredTail).toBeUndefined();
    await s.client.close();
    await s.server.stop();

    // A complete last record whose checksum fails is torn too (the write of its payload did not finish).
    const offsets = recordOffsets(file);
    const bytes = readFileSync(file);
    const last = offsets[offsets.length - 1];
    bytes[bytes.length - 2] ^= 0xff;
    writeFileSync(file, bytes);
    s = await open();
    expect(await s.coll.countDocuments()).toBe(10);
    expect(s.server.recovery!.ignoredTail).toBe(`${file} at offset ${last}: a last record whose checksum does not match`);
    await s.coll.insertOne({ _id: 10 as never, i: 10 });
    await s.client.close();
    await s.server.stop();

    // The same damage before the end would silently drop a write that later ones depend on: refused.
    const third = recordOffsets(file)[3];
    const damaged = readFileSync(file);
    damaged[third + 20] ^= 0xff;
    writeFileSync(file, damaged);
    const refused = new MongoMemoryServer({ replicaSet: 'rs0', dataDir: dir, log: (m) => logs.push(m) });
    await expect(refused.start()).rejects.toThrow(`corrupt record in ${file} at offset ${third} (checksum mismatch); refusing to start`);
    // From the command line: exit code 1 and the same message.
    const cli = await failedStart(dir);
    expect(cli.code).toBe(1);
    expect(cli.output).toContain(`corrupt record in ${file} at offset ${third} (checksum mismatch)`);
    // The directory is not left locked by the failed start.
    damaged[third + 20] ^= 0xff;
    writeFileSync(file, damaged);
    s = await open();
    expect(await s.coll.countDocuments()).toBe(11);
    await s.client.close();
    await s.server.stop();
  });

  it('compacts into a snapshot past the journal size limit and recovers the same data, types and indexes', async () => {
    const dir = dataDir();
    const start = async () => {
      const server = new MongoMemoryServer({ replicaSet: 'rs0', dataDir: dir, compactAfterBytes: 64 * 1024 });
      const client = await MongoClient.connect(await server.start());
      return { server, client, db: client.db('compact') };
    };
    let s = await start();
    const people = s.db.collection<Document & { _id?: number }>('people');
    await people.createIndex({ email: 1 }, { unique: true });
    await people.createIndex({ name: 'text' });
    await s.db.collection('scratch').createIndex({ a: 1 });
    for (let i = 0; i < 1500; i += 100) {
      await people.insertMany(
        Array.from({ length: 100 }, (_, k) => ({
          _id: i + k,
          email: `p${i + k}@example.org`,
          name: `designer number ${i + k}`,
          score: new Double(i + k),
          big: BigInt(2 ** 53) + BigInt(i + k),
          tags: ['a', { nested: [1, 2.5] }],
        })),
      );
    }
    await people.updateMany({ _id: { $lt: 100 } }, { $inc: { score: 1 } });
    await people.deleteMany({ _id: { $gte: 1400 } });
    // Writes go on while an explicit compaction writes its snapshot.
    const [snapshot] = await Promise.all([s.server.compact(), people.insertOne({ _id: 5000, email: 'during@example.org', name: 'during' })]);
    expect(snapshot.documents).toBeGreaterThanOrEqual(1400);
    await people.insertOne({ _id: 5001, email: 'after@example.org', name: 'after' });
    // Changes of the collection set after the snapshot: replayed from the journal.
    await s.db.collection('scratch').insertOne({ a: 1 });
    await s.db.collection('scratch').dropIndex('a_1');
    await s.db.collection('gone').insertOne({ a: 1 });
    await s.db.collection('gone').drop();
    await s.client.db('admin').command({ renameCollection: 'compact.scratch', to: 'compact.kept' });
    const before = {
      docs: await people.find().sort({ _id: 1 }).toArray(),
      doubles: await people.countDocuments({ score: { $type: 'double' } }),
      collections: (await s.db.listCollections().toArray())
        .map((c) => ({ name: c.name, uuid: (c as Document).info?.uuid }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      indexes: await people.listIndexes().toArray(),
    };
    await s.client.close();
    await s.server.stop();
    const files = readdirSync(dir).sort();
    expect(files).toContain('snapshot.bin');
    expect(files.filter((f) => f.startsWith('journal-')).length).toBe(1); // older generations removed

    s = await start();
    // The snapshot holds everything before the compaction, and perhaps the insert sent beside it.
    expect(s.server.recovery!.snapshotDocuments).toBeGreaterThanOrEqual(1400);
    expect(s.server.recovery!.snapshotDocuments).toBeLessThanOrEqual(1401);
    const after = s.db.collection<Document & { _id?: number }>('people');
    expect(await after.find().sort({ _id: 1 }).toArray()).toEqual(before.docs);
    expect(await after.countDocuments({ score: { $type: 'double' } })).toBe(before.doubles);
    expect(before.doubles).toBe(1400);
    expect(await after.countDocuments({ big: BigInt(2 ** 53) + 7n })).toBe(1);
    expect(
      (await s.db.listCollections().toArray())
        .map((c) => ({ name: c.name, uuid: (c as Document).info?.uuid }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(before.collections);
    expect(before.collections.map((c) => c.name)).toEqual(['kept', 'people']);
    expect(await after.listIndexes().toArray()).toEqual(before.indexes);
    expect(await s.db.collection('kept').listIndexes().toArray()).toHaveLength(1);
    expect((await rejection(after.insertOne({ email: 'p3@example.org' }))).code).toBe(11000);
    expect(await after.countDocuments({ $text: { $search: 'designers' } })).toBe(1400);
    await s.client.close();
    await s.server.stop();
  });

  it('refuses a data directory another server holds, and works as before without one', async () => {
    const dir = dataDir();
    const first = new MongoMemoryServer({ dataDir: dir });
    await first.start();
    await expect(new MongoMemoryServer({ dataDir: dir }).start()).rejects.toThrow(/already in use/);
    await first.stop();
    const again = new MongoMemoryServer({ dataDir: dir });
    await again.start();
    await again.stop();
    expect(existsSync(join(dir, 'mongod.lock'))).toBe(false);
    expect(() => new MongoMemoryServer({ fsync: 'sometimes' as never })).toThrow(/fsync must be one of always, everysec, no/);
    const inMemory = new MongoMemoryServer();
    expect(inMemory.recovery).toBeUndefined();
    await expect(inMemory.compact()).rejects.toThrow(/no data directory/);
  });
});
