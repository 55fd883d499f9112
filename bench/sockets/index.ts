/**
 * bench/sockets: memory per idle authenticated socket on the app's /live namespace, against a raw
 * Socket.IO server (Redis adapter, a token check) in the same run. Each server runs in a process of
 * its own (bench/sockets/server.ts); this process holds the clients. Per socket: the server's heap
 * and RSS after full GCs with BENCH_SOCKETS (1000) sockets open, minus the same before they opened;
 * and the same over the second half of the sockets alone.
 * Run: npm run bench sockets
 */
import { printTable, round, sleep, runBench } from '../support/stats';
import { openSockets, startServer, type ServerMode } from './server-process';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);

interface Memory {
  heapUsed: number;
  heapTotal: number;
  rss: number;
}

type PerSocket = Record<'heapKb' | 'rssKb' | 'heapTotalKb' | 'secondHalfHeapKb' | 'secondHalfRssKb', number>;

const perSocketKb = (from: Memory, to: Memory, count: number, key: keyof Memory) => (to[key] - from[key]) / count / 1024;

/**
 * Measured when half the sockets are open, and with all: the second half's growth is the marginal
 * cost, once each process has reused the pages its start-up freed (the raw server's RSS grows much
 * less than its heap over the first sockets for that reason).
 */
async function perSocket(mode: ServerMode): Promise<PerSocket> {
  const server = await startServer(mode);
  try {
    const before = await server.ask<Memory>('measure');
    const half = Math.floor(SOCKETS / 2);
    const sockets = await openSockets(server.origin, server.token, half);
    await sleep(500);
    const middle = await server.ask<Memory>('measure');
    sockets.push(...(await openSockets(server.origin, server.token, SOCKETS - half)));
    await sleep(1000);
    const after = await server.ask<Memory>('measure');
    sockets.forEach((s) => s.close());
    return {
      heapKb: perSocketKb(before, after, SOCKETS, 'heapUsed'),
      rssKb: perSocketKb(before, after, SOCKETS, 'rss'),
      heapTotalKb: perSocketKb(before, after, SOCKETS, 'heapTotal'),
      secondHalfHeapKb: perSocketKb(middle, after, SOCKETS - half, 'heapUsed'),
      secondHalfRssKb: perSocketKb(middle, after, SOCKETS - half, 'rss'),
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  const raw = await perSocket('raw');
  const ours = await perSocket('ours');
  const row = (server: string, m: PerSocket) => ({
    server,
    heap_kb_per_socket: round(m.heapKb),
    rss_kb_per_socket: round(m.rssKb),
    heap_total_kb_per_socket: round(m.heapTotalKb),
    second_half_heap_kb: round(m.secondHalfHeapKb),
    second_half_rss_kb: round(m.secondHalfRssKb),
  });
  printTable([row('raw Socket.IO + Redis adapter', raw), row('the app (/live, authenticated)', ours)]);
  process.stdout.write(
    `${JSON.stringify({
      sockets: SOCKETS,
      heapKbPerSocket: round(ours.heapKb),
      rssKbPerSocket: round(ours.rssKb),
      rawHeapKbPerSocket: round(raw.heapKb),
      rawRssKbPerSocket: round(raw.rssKb),
      heapRatio: round(ours.heapKb / raw.heapKb),
      rssRatio: round(ours.rssKb / raw.rssKb),
      heapTotalRatio: round(ours.heapTotalKb / raw.heapTotalKb),
      secondHalfHeapRatio: round(ours.secondHalfHeapKb / raw.secondHalfHeapKb),
      secondHalfRssRatio: round(ours.secondHalfRssKb / raw.secondHalfRssKb),
    })}\n`,
  );
}

runBench(main);
