/**
 * bench/sockets: memory per idle authenticated socket on the app's /live namespace, against a raw
 * Socket.IO server (Redis adapter, a token check) in the same run. Each server runs in a process of
 * its own (bench/sockets/server.ts); this process holds the clients. Per socket: the server's heap
 * and RSS after full GCs with BENCH_SOCKETS (1000) sockets open, minus the same before they opened.
 * Run: npm run bench sockets
 */
import { printTable, round, sleep } from '../support/stats';
import { openSockets, startServer, type ServerMode } from './server-process';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);

interface Memory {
  heapUsed: number;
  rss: number;
}

async function perSocket(mode: ServerMode): Promise<{ heapKb: number; rssKb: number }> {
  const server = await startServer(mode);
  try {
    const before = await server.ask<Memory>('measure');
    const sockets = await openSockets(server.origin, server.token, SOCKETS);
    await sleep(1000);
    const after = await server.ask<Memory>('measure');
    sockets.forEach((s) => s.close());
    return { heapKb: (after.heapUsed - before.heapUsed) / SOCKETS / 1024, rssKb: (after.rss - before.rss) / SOCKETS / 1024 };
  } finally {
    await server.stop();
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
