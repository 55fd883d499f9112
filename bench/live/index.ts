/**
 * bench/live: latency from a command's HTTP response to the receipt of its `project.event` on 200
 * sockets watching 10 projects (20 per room), at 200 commands/s (POST /projects/:id/updates).
 * Beside it, in the same run and on the same Redis: raw Socket.IO (Redis adapter) emit → receive to
 * 200 clients in 10 rooms at 200 emits/s. Then where the app's time goes, stage by stage
 * (bench/live/stages.ts). Run: node -r @swc-node/register bench/live/index.ts
 */
import 'reflect-metadata';
import { TestServices } from '@app/testing';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { connectLive } from '../../test/support/live-client';
import { cityUser } from '../../test/support/live-users';
import { proposeProject } from '../../test/support/projects';
import { startMongoProcess } from '../../test/support/mongo-process';
import { login, startApp } from '../../test/support/test-app';
import { percentile, printTable, round, sleep, runBench } from '../support/stats';
import { traceStages, type StageTrace } from './stages';

const SOCKETS = 200;
const ROOMS = 10;
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const now = () => performance.timeOrigin + performance.now();

interface Result {
  sent: number;
  expected: number;
  latencies: number[];
}

/** Sends `total` operations at RATE/s (open loop: one every 1000/RATE ms, never waiting for the last). */
async function paced(total: number, op: (i: number) => Promise<void>): Promise<void> {
  const started = now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    pending.push(op(i));
  }
  await Promise.all(pending);
}

async function waitForAll(latencies: number[], expected: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (latencies.length < expected && Date.now() < deadline) await sleep(20);
}

async function rawSocketIo(services: TestServices): Promise<Result> {
  const pub = new Redis(services.redisUri);
  const sub = new Redis(services.redisUri);
  const http = createServer();
  const server = new Server(http, { adapter: createAdapter(pub, sub, { key: `${services.redisPrefix}:raw-io` }) });
  server.on('connection', (s) => s.on('join', (room: string, ack: () => void) => void Promise.resolve(s.join(room)).then(() => ack())));
  const port = await new Promise<number>((r) => http.listen(0, '127.0.0.1', () => r((http.address() as { port: number }).port)));
  const latencies: number[] = [];
  const clients: Socket[] = [];
  for (let i = 0; i < SOCKETS; i++) {
    const c = io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
    await new Promise<void>((r) => c.once('connect', () => r()));
    await c.timeout(5000).emitWithAck('join', `room-${i % ROOMS}`);
    c.on('tick', (sentAt: number) => latencies.push(now() - sentAt));
    clients.push(c);
  }
  const total = RATE * SECONDS;
  await paced(total, async (i) => void server.to(`room-${i % ROOMS}`).emit('tick', now()));
  const expected = total * (SOCKETS / ROOMS);
  await waitForAll(latencies, expected);
  clients.forEach((c) => c.close());
  await new Promise((r) => server.close(() => r(undefined)));
  pub.disconnect();
  sub.disconnect();
  return { sent: total, expected, latencies };
}

async function platform(
  services: TestServices,
): Promise<Result & { failed: number; retries: number; fromRequest: number[]; fromEvent: number[]; stages: StageTrace }> {
  const running = await startApp(services, { LOG_LEVEL: 'silent' });
  try {
    const stages = traceStages(running.app);
    const adminToken = await login(running.api, 'admin@test.local', 'admin-password-1');
    const lead = await cityUser(running.api, adminToken, 'sevilla');
    const projects: { id: string }[] = [];
    for (let i = 0; i < ROOMS; i++) projects.push(await proposeProject(lead, `Bench room ${i}`));
    const respondedAt = new Map<string, number>();
    const requestedAt = new Map<string, number>();
    const receipts: { updateId: string; at: number; eventAt: number }[] = [];
    const sockets: Socket[] = [];
    for (let i = 0; i < SOCKETS; i++) {
      // The lead's session on every socket (a socket needs an open session, not just a signed token).
      const s = await connectLive(running.origin, lead.token);
      const ack = await s.timeout(5000).emitWithAck('project:watch', { projectId: projects[i % ROOMS].id });
      if (!ack.ok) throw new Error(`watch refused: ${JSON.stringify(ack)}`);
      s.on(
        'project.event',
        (e: { seq: number; at: string; data: { updateId?: string } }) =>
          e.data.updateId && (receipts.push({ updateId: e.data.updateId, at: now(), eventAt: Date.parse(e.at) }), stages.received(e)),
      );
      sockets.push(s);
    }
    const total = RATE * SECONDS;
    let failed = 0;
    const statuses = new Map<string, number>();
    let retries = 0;
    const post = async (i: number): Promise<void> => {
      const url = `/projects/${projects[i % ROOMS].id}/updates`;
      const sentAt = now();
      let res = await lead.api.post(url, { text: `Update ${i}`, kind: 'news' });
      // A post racing another on the same project may still lose on its version (409
      // project.stale-version); the client retries, as a browser would.
      for (let attempt = 0; res.status === 409 && attempt < 20; attempt++, retries++)
        res = await lead.api.post(url, { text: `Update ${i}`, kind: 'news' });
      if (res.status === 201) {
        respondedAt.set(res.body.id, now());
        requestedAt.set(res.body.id, sentAt);
        return;
      }
      failed++;
      const key = `${res.status} ${res.body?.code ?? ''}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    };
    // One command in flight per project: concurrent posts on one project collide on its version
    // and a retry storm would measure the retries, not the delivery.
    const chains = projects.map(() => Promise.resolve());
    await paced(total, (i) => (chains[i % ROOMS] = chains[i % ROOMS].then(() => post(i))));
    const expected = (total - failed) * (SOCKETS / ROOMS);
    const deadline = Date.now() + 15_000;
    while (receipts.length < expected && Date.now() < deadline) await sleep(20);
    const known = receipts.filter((r) => respondedAt.has(r.updateId));
    // Signed: the event is emitted after commit but before the HTTP response is written, so it
    // often reaches the sockets first (a negative latency).
    const latencies = known.map((r) => r.at - respondedAt.get(r.updateId)!);
    const fromRequest = known.map((r) => r.at - requestedAt.get(r.updateId)!);
    // From the event's `at` (recorded in the transaction, ms precision): commit, dispatch, emit, adapter, client.
    const fromEvent = known.map((r) => r.at - r.eventAt);
    sockets.forEach((s) => s.close());
    if (statuses.size) process.stderr.write(`failed commands: ${JSON.stringify([...statuses])}\n`);
    return { sent: total, expected, latencies, fromRequest, fromEvent, failed, retries, stages };
  } finally {
    await running.close();
  }
}

async function main() {
  // The database in a child process, as the embedded default of `npm start` runs it (in this
  // process it would share the API's event loop).
  const mongo = await startMongoProcess();
  const services = await TestServices.start({ mongoUri: mongo.uri });
  try {
    const raw = await rawSocketIo(services);
    const ours = await platform(services);
    const row = (name: string, r: Result) => ({
      pipeline: name,
      messages: `${r.latencies.length}/${r.expected}`,
      p50_ms: round(percentile(r.latencies, 50)),
      p99_ms: round(percentile(r.latencies, 99)),
      max_ms: round(Math.max(...r.latencies)),
    });
    const rows = [
      row('raw Socket.IO + Redis adapter: emit → receive', raw),
      row('command HTTP response → project.event (signed)', ours),
      row('command HTTP request sent → project.event', { ...ours, latencies: ours.fromRequest }),
      row('event recorded (at) → project.event', { ...ours, latencies: ours.fromEvent }),
    ];
    printTable(rows);
    process.stdout.write("\nwhere the time goes, per event (ms, this process's clock):\n");
    printTable(ours.stages.rows());
    process.stdout.write(`event log reads meanwhile: ${JSON.stringify(ours.stages.reads)}\n`);
    // Ratio on the response → receipt latency, counted as 0 when the event came first.
    const clamp = (ms: number) => Math.max(0, ms);
    const p50Ratio = clamp(rows[1].p50_ms) / Math.max(rows[0].p50_ms, 0.01);
    const p99Ratio = clamp(rows[1].p99_ms) / Math.max(rows[0].p99_ms, 0.01);
    // The response → receipt ratio is flattered by the push going out before the response is
    // written; the commit → receipt ratio is the honest cost of our pipeline over raw Socket.IO.
    const eventP50Ratio = rows[3].p50_ms / Math.max(rows[0].p50_ms, 0.01);
    const eventP99Ratio = rows[3].p99_ms / Math.max(rows[0].p99_ms, 0.01);
    process.stdout.write(
      `ratio (ours / raw): p50 ${round(p50Ratio)}, p99 ${round(p99Ratio)}; commands failed: ${ours.failed}, 409 retries: ${ours.retries}\n`,
    );
    process.stdout.write(`ratio (event recorded → receipt / raw): p50 ${round(eventP50Ratio)}, p99 ${round(eventP99Ratio)}\n`);
    process.stdout.write(
      `${JSON.stringify({
        sockets: SOCKETS,
        rooms: ROOMS,
        commandsPerSecond: RATE,
        seconds: SECONDS,
        p50Ms: rows[1].p50_ms,
        p99Ms: rows[1].p99_ms,
        requestToReceiptP50Ms: rows[2].p50_ms,
        requestToReceiptP99Ms: rows[2].p99_ms,
        eventToReceiptP50Ms: rows[3].p50_ms,
        eventToReceiptP99Ms: rows[3].p99_ms,
        rawP50Ms: rows[0].p50_ms,
        rawP99Ms: rows[0].p99_ms,
        p50Ratio: round(p50Ratio),
        p99Ratio: round(p99Ratio),
        eventToReceiptP50Ratio: round(eventP50Ratio),
        eventToReceiptP99Ratio: round(eventP99Ratio),
        delivered: `${ours.latencies.length}/${ours.expected}`,
        failedCommands: ours.failed,
        staleVersionRetries: ours.retries,
        stagesP99Ms: ours.stages.p99s(),
        // The live pipeline alone (commit → consumer → emit → receipt), against raw emit → receive.
        commitToReceiptP99Ratio: round(ours.stages.p99s()['committed → last receipt'] / Math.max(rows[0].p99_ms, 0.01)),
        eventLogReads: ours.stages.reads,
      })}\n`,
    );
  } finally {
    await services.stop();
    await mongo.stop();
  }
}

runBench(main);
