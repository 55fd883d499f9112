import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { MongoMemoryServer } from '../src';
import { rejection, startTarget, type Target } from './harness';

let t: Target;
beforeAll(async () => {
  t = await startTarget('rename');
});
afterAll(() => t.close());

describe('renameCollection', () => {
  it('moves documents and indexes to the new name, and the old name is gone', async () => {
    const source = t.db.collection('rn_source');
    await source.insertMany([{ _id: 1, a: 'x' } as never, { _id: 2, a: 'y' } as never]);
    await source.createIndex({ a: 1 }, { unique: true, name: 'by_a' });
    await source.rename('rn_target');

    const target = t.db.collection('rn_target');
    expect(await target.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, a: 'x' },
      { _id: 2, a: 'y' },
    ]);
    expect((await target.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'by_a']);
    expect((await rejection(target.insertOne({ _id: 3, a: 'x' } as never))).code).toBe(11000);
    expect((await t.db.listCollections({ name: 'rn_source' }).toArray()).length).toBe(0);
  });

  it('replaces an existing target only with dropTarget', async () => {
    await t.db.collection('rn_new').insertOne({ _id: 'new' } as never);
    await t.db.collection('rn_live').insertOne({ _id: 'old' } as never);
    expect((await rejection(t.db.collection('rn_new').rename('rn_live'))).code).toBe(48); // NamespaceExists
    await t.db.collection('rn_new').rename('rn_live', { dropTarget: true });
    expect(await t.db.collection('rn_live').find({}).toArray()).toEqual([{ _id: 'new' }]);
  });

  it('replaces the target in one journal record: after a restart the target holds the source', async () => {
    if (!t.inProcess) return;
    const dir = mkdtempSync(join(tmpdir(), 'mongo-memory-rename-'));
    const open = async () => {
      const server = new MongoMemoryServer({ replicaSet: 'rs0', dataDir: dir });
      const client = await MongoClient.connect(await server.start({ port: 0 }));
      return { server, client, db: client.db('d') };
    };
    try {
      const first = await open();
      await first.db.collection('next').insertOne({ _id: 'new' } as never);
      await first.db.collection('live').insertOne({ _id: 'old' } as never);
      await first.db.collection('next').rename('live', { dropTarget: true });
      await first.client.close();
      await first.server.stop();
      const second = await open();
      expect(await second.db.collection('live').find({}).toArray()).toEqual([{ _id: 'new' }]);
      expect((await second.db.listCollections().toArray()).map((c) => c.name)).toEqual(['live']);
      await second.client.close();
      await second.server.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a source that does not exist', async () => {
    expect((await rejection(t.db.collection('rn_missing').rename('rn_elsewhere'))).code).toBe(26); // NamespaceNotFound
  });
});
