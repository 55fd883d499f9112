import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { MongoClient } from 'mongodb';
import { MongoMemoryServer } from '../src';
import { rejection } from './harness';

/** The library's own API: these run in-process whatever MONGODB_URI says. */
describe('MongoMemoryServer', () => {
  it('serves a standalone that refuses transactions', async () => {
    const server = new MongoMemoryServer();
    const uri = await server.start({ port: 0, host: '127.0.0.1' });
    expect(uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.uri).toBe(uri);
    const client = await MongoClient.connect(uri);
    try {
      const hello = await client.db('admin').command({ hello: 1 });
      expect(hello).toMatchObject({ isWritablePrimary: true, logicalSessionTimeoutMinutes: 30, maxWireVersion: 21, minWireVersion: 0 });
      expect(hello.setName).toBeUndefined();
      expect(hello.topologyVersion).toBeUndefined();
      const session = client.startSession();
      const err = await rejection(session.withTransaction(() => client.db('x').collection('y').insertOne({}, { session })));
      expect(err.message).toMatch(/replica set|retryable/i);
      await session.endSession();
    } finally {
      await client.close();
      await server.stop();
    }
  });

  it('answers as a single-node replica set and stops cleanly', async () => {
    const server = new MongoMemoryServer({ replicaSet: 'rs0' });
    const uri = await server.start();
    expect(uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\?replicaSet=rs0$/);
    await expect(server.start()).rejects.toThrow(/already started/);
    const conn = await mongoose.createConnection(uri, { dbName: 'life' }).asPromise();
    const hello = await conn.db!.admin().command({ hello: 1 });
    const address = uri.slice('mongodb://'.length, uri.indexOf('/', 'mongodb://'.length));
    expect(hello).toMatchObject({ setName: 'rs0', hosts: [address], me: address, primary: address, secondary: false });
    await conn.db!.collection('c').insertOne({ a: 1 });
    await server.stop();
    await server.stop();
    expect(() => server.uri).toThrow(/not started/);
    await conn.close();
    // A new server starts empty.
    const again = new MongoMemoryServer({ replicaSet: 'rs0' });
    const client = await MongoClient.connect(await again.start());
    expect(await client.db('life').collection('c').countDocuments()).toBe(0);
    await client.close();
    await again.stop();
  });

  it('runs from the command line until SIGTERM', async () => {
    const root = join(__dirname, '../../..');
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'libs/mongo-memory/src/cli.ts', '--port', '0', '--replSet', 'rs1', '--transaction-lifetime-ms', '5000'],
      { cwd: root },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    while (!/mongodb:\/\/\S+/.test(out)) await once(child.stdout, 'data');
    const uri = /mongodb:\/\/\S+/.exec(out)![0];
    expect(uri).toContain('replicaSet=rs1');
    const client = await MongoClient.connect(uri);
    expect((await client.db('admin').command({ ping: 1 })).ok).toBe(1);
    await client.close();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it("keeps a killed client's transaction until transactionLifetimeMs, then frees its documents", async () => {
    const server = new MongoMemoryServer({ replicaSet: 'rs0', transactionLifetimeMs: 2000 });
    const uri = await server.start();
    const client = await MongoClient.connect(uri);
    try {
      const c = client.db('life').collection<{ _id: number; n: number }>('held');
      await c.insertOne({ _id: 1, n: 0 });
      // Another process opens a transaction that writes the document, then dies without a word.
      const script = `
        const { MongoClient } = require('mongodb');
        MongoClient.connect(process.argv[1]).then(async (client) => {
          const session = client.startSession();
          session.startTransaction();
          await client.db('life').collection('held').updateOne({ _id: 1 }, { $inc: { n: 1 } }, { session });
          process.stdout.write('holding\\n');
          setInterval(() => {}, 1000);
        });`;
      const child = spawn(process.execPath, ['-e', script, uri], { cwd: join(__dirname, '../../..') });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      while (!out.includes('holding')) await once(child.stdout, 'data');
      child.kill('SIGKILL');
      await once(child, 'exit');
      const killedAt = Date.now();
      // Sessions outlive connections, as on a server: the dead transaction still holds the document...
      expect((await rejection(c.updateOne({ _id: 1 }, { $inc: { n: 10 } }))).code).toBe(112);
      // ...until the lifetime limit aborts it, well before MongoDB's default 60 s.
      for (;;) {
        const result = await c.updateOne({ _id: 1 }, { $inc: { n: 10 } }).catch((err: { code?: number }) => {
          if (err.code !== 112) throw err;
          return undefined;
        });
        if (result) break;
        expect(Date.now() - killedAt).toBeLessThan(5000);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await c.findOne({ _id: 1 }))!.n).toBe(10);
      expect(() => new MongoMemoryServer({ transactionLifetimeMs: -1 })).toThrow(/transactionLifetimeMs/);
    } finally {
      await client.close();
      await server.stop();
    }
  });
});
