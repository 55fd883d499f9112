import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type ResumeToken } from 'mongodb';
import { MongoMemoryServer } from '../src';
import { rejection } from './harness';

/**
 * Resume tokens name one event of one change history (#19). A restart on the same data directory
 * keeps the documents but not the history (README: tokens from before a restart answer 286), and
 * its events are numbered afresh: an old token must not resume at whichever new event happens to
 * carry the same number. In-process only (the server is restarted).
 */
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function withServer<T>(dataDir: string, fn: (client: MongoClient) => Promise<T>): Promise<T> {
  const server = new MongoMemoryServer({ replicaSet: 'rs0', dataDir, fsync: 'no' });
  const client = await MongoClient.connect(await server.start({ port: 0 }));
  try {
    return await fn(client);
  } finally {
    await client.close();
    await server.stop();
  }
}

describe('resume tokens across a restart', () => {
  it('answer 286 instead of resuming in the new history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mongo-memory-tokens-'));
    dirs.push(dir);
    const token = await withServer(dir, async (client) => {
      const c = client.db('t').collection<{ _id: number }>('c');
      const stream = c.watch([], { maxAwaitTimeMS: 100 });
      expect(await stream.tryNext()).toBeNull();
      await c.insertMany([{ _id: 1 }, { _id: 2 }]);
      const first = await stream.next();
      await stream.close();
      return first._id as ResumeToken;
    });
    await withServer(dir, async (client) => {
      const c = client.db('t').collection<{ _id: number }>('c');
      // The new history has events numbered like the old ones.
      await c.insertMany([{ _id: 3 }, { _id: 4 }, { _id: 5 }]);
      const resumed = c.watch([], { resumeAfter: token, maxAwaitTimeMS: 100 });
      expect((await rejection(resumed.tryNext())).code).toBe(286);
      await resumed.close();
      // Tokens of this history still resume exactly.
      const fresh = c.watch([], { maxAwaitTimeMS: 100 });
      expect(await fresh.tryNext()).toBeNull();
      await c.insertMany([{ _id: 6 }, { _id: 7 }]);
      const six = await fresh.next();
      await fresh.close();
      const again = c.watch([], { resumeAfter: six._id, maxAwaitTimeMS: 100 });
      expect(((await again.next()) as { documentKey: { _id: number } }).documentKey._id).toBe(7);
      await again.close();
    });
  });
});
