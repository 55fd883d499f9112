/**
 * One server of bench/sockets, in a process of its own so its memory is only its own: `raw` (a
 * Socket.IO server with the Redis adapter and a token check, on namespace /live) or `ours` (the
 * whole app, startApp, against TestServices); the database in a child process either way. Talks to
 * bench/sockets/index.ts over IPC: sends `{ origin, token }` when ready; answers `measure` with its
 * heap and RSS after full GCs; in raw mode, `{ emit }` sends a notification to the room all its
 * sockets are in (bench/fanout); `{ snapshot: file }` writes a heap snapshot after full GCs and
 * answers `{ file }` (bench/sockets/heap-diff.ts); exits on `stop`. Needs --expose-gc.
 */
import 'reflect-metadata';
import { TestServices } from '@app/testing';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { createServer } from 'node:http';
import { writeHeapSnapshot } from 'node:v8';
import { Server } from 'socket.io';
import { startMongoProcess } from '../../test/support/mongo-process';
import { login, startApp } from '../../test/support/test-app';

const gc = (globalThis as { gc?: () => void }).gc;

async function measure() {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((r) => setTimeout(r, 100));
  }
  const { heapUsed, heapTotal, rss } = process.memoryUsage();
  return { heapUsed, heapTotal, rss };
}

async function main() {
  if (!gc) throw new Error('run with --expose-gc');
  const mode = process.argv[2];
  // The database in a child process of its own: its memory is not the server's.
  const mongo = await startMongoProcess();
  const services = await TestServices.start({ mongoUri: mongo.uri });
  let close: () => Promise<void>;
  let ready: { origin: string; token: string };
  if (mode === 'raw') {
    const pub = new Redis(services.redisUri);
    const sub = new Redis(services.redisUri);
    const http = createServer();
    const server = new Server(http, { adapter: createAdapter(pub, sub, { key: `${services.redisPrefix}:raw-io` }) });
    const token = 'raw-token';
    // The least an authenticated namespace does: check the handshake's token.
    const live = server.of('/live');
    live.use((socket, next) => next((socket.handshake.auth as { token?: string }).token === token ? undefined : new Error('unauthorized')));
    // bench/fanout: every socket in one city's room; `{ emit }` sends one notification to it.
    live.on('connection', (socket) => void socket.join('city'));
    process.on('message', (message: { emit?: number }) => message?.emit !== undefined && live.to('city').emit('notification', { at: message.emit }));
    const port = await new Promise<number>((r) => http.listen(0, '127.0.0.1', () => r((http.address() as { port: number }).port)));
    ready = { origin: `http://127.0.0.1:${port}`, token };
    close = async () => {
      await new Promise((r) => server.close(() => r(undefined)));
      pub.disconnect();
      sub.disconnect();
    };
  } else {
    const running = await startApp(services, { LOG_LEVEL: 'silent' });
    ready = { origin: running.origin, token: await login(running.api, 'admin@test.local', 'admin-password-1') };
    close = () => running.close();
  }
  process.on('message', (message: unknown) => {
    if (message === 'measure') void measure().then((m) => process.send!(m));
    const snapshot = (message as { snapshot?: string } | null)?.snapshot;
    if (snapshot) void measure().then(() => process.send!({ file: writeHeapSnapshot(snapshot) }));
    if (message === 'stop') void close().then(() => services.stop().then(() => mongo.stop().then(() => process.exit(0))));
  });
  process.send!(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
