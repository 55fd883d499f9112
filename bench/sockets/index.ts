/**
 * bench/sockets: memory per idle authenticated socket on the app's /live namespace, against a raw
 * Socket.IO server (Redis adapter, a token check) in the same run. Each server runs in a process of
 * its own (bench/sockets/server.ts); this process holds the clients. Per socket: the server's heap
 * and RSS after full GCs with BENCH_SOCKETS (1000) sockets open, minus the same before they opened.
 * Run: npm run bench sockets
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { printTable, round, sleep } from '../support/stats';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);

interface Memory {
  heapUsed: number;
  rss: number;
}

function ask<T>(child: ChildProcess, message?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    if (message) child.send(message);
  });
}

async function perSocket(mode: 'raw' | 'ours'): Promise<{ heapKb: number; rssKb: number }> {
  const child = fork(join(__dirname, 'server.ts'), [mode], {
    execArgv: ['-r', '@swc-node/register', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const { origin, token } = await ask<{ origin: string; token: string }>(child);
    const before = await ask<Memory>(child, 'measure');
    const sockets: Socket[] = [];
    // In batches, as many browsers would arrive.
    for (let i = 0; i < SOCKETS; i += 50) {
      const batch = Array.from({ length: Math.min(50, SOCKETS - i) }, () => {
        const socket = io(`${origin}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
        sockets.push(socket);
        return new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
      });
      await Promise.all(batch);
    }
    await sleep(1000);
    const after = await ask<Memory>(child, 'measure');
    sockets.forEach((s) => s.close());
    return { heapKb: (after.heapUsed - before.heapUsed) / SOCKETS / 1024, rssKb: (after.rss - before.rss) / SOCKETS / 1024 };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    if (child.connected) child.send('stop');
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function main() {
  const raw = await perSocket('raw');
  const ours = await perSocket('ours');
  printTable([
    { server: 'raw Socket.IO + Redis adapter', heap_kb_per_socket: round(raw.heapKb), rss_kb_per_socket: round(raw.rssKb) },
    { server: 'the app (/live, authenticated)', heap_kb_per_socket: round(ours.heapKb), rss_kb_per_socket: round(ours.rssKb) },
  ]);
  process.stdout.write(
    `${JSON.stringify({
      sockets: SOCKETS,
      heapKbPerSocket: round(ours.heapKb),
      rssKbPerSocket: round(ours.rssKb),
      rawHeapKbPerSocket: round(raw.heapKb),
      rawRssKbPerSocket: round(raw.rssKb),
      heapRatio: round(ours.heapKb / raw.heapKb),
      rssRatio: round(ours.rssKb / raw.rssKb),
    })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
