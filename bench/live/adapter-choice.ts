/**
 * Which Socket.IO Redis adapter for /live: classic pub/sub vs sharded pub/sub (Redis 7). Two plain
 * Socket.IO servers on one Redis; 50 clients on server B in 10 rooms; server A emits 4,000 times to
 * the rooms at ~1,000/s; latency emit→receive. Run: node -r @swc-node/register bench/live/adapter-choice.ts
 */
import { RedisServerProcess } from '@app/testing';
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { percentile, printTable, round, sleep } from '../support/stats';

type Kind = 'classic' | 'sharded';

async function run(url: string, kind: Kind) {
  const clients: Redis[] = [];
  const redis = () => {
    const c = new Redis(url);
    c.on('error', () => undefined);
    clients.push(c);
    return c;
  };
  const servers = [0, 1].map(() => {
    const http = createServer();
    const adapter =
      kind === 'classic'
        ? createAdapter(redis(), redis(), { key: `bench-${kind}` })
        : createShardedAdapter(redis(), redis(), { channelPrefix: `bench-${kind}` });
    const server = new Server(http, { adapter });
    server.on('connection', (s) => s.on('join', (room: string, ack: () => void) => void Promise.resolve(s.join(room)).then(ack)));
    return { http, server };
  });
  const ports = await Promise.all(
    servers.map(({ http }) => new Promise<number>((r) => http.listen(0, '127.0.0.1', () => r((http.address() as { port: number }).port)))),
  );
  const sockets: Socket[] = [];
  const latencies: number[] = [];
  for (let i = 0; i < 50; i++) {
    const s = io(`http://127.0.0.1:${ports[1]}`, { transports: ['websocket'], forceNew: true });
    await new Promise<void>((r) => s.once('connect', () => r()));
    await s.timeout(2000).emitWithAck('join', `room-${i % 10}`);
    s.on('tick', (sentAt: number) => latencies.push(performance.now() + performance.timeOrigin - sentAt));
    sockets.push(s);
  }
  await sleep(300); // sharded: let the dynamic room subscriptions settle
  const total = 4000;
  for (let i = 0; i < total; i++) {
    servers[0].server.to(`room-${i % 10}`).emit('tick', performance.now() + performance.timeOrigin);
    if (i % 10 === 9) await sleep(10);
  }
  const expected = total * 5;
  const deadline = Date.now() + 10_000;
  while (latencies.length < expected && Date.now() < deadline) await sleep(20);
  sockets.forEach((s) => s.close());
  await Promise.all(servers.map(({ server }) => new Promise((r) => server.close(r))));
  clients.forEach((c) => c.disconnect());
  return {
    adapter: kind,
    received: `${latencies.length}/${expected}`,
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
  };
}

async function main() {
  const redis = new RedisServerProcess();
  const url = process.env.REDIS_URL ?? (await redis.start());
  try {
    const rows = [];
    for (const kind of ['classic', 'sharded', 'classic', 'sharded'] as Kind[]) rows.push(await run(url, kind));
    printTable(rows);
    process.stdout.write(`${JSON.stringify({ rows })}\n`);
  } finally {
    await redis.stop();
  }
}

void main().then(() => process.exit(0));
