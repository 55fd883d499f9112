/**
 * bench/notifications: notifications delivered per second (inbox item written and pushed live,
 * received by the city's socket) for a burst of 10,000 partnership events, beside raw BullMQ with
 * a no-op processor at the same concurrency, in the same run, on the same Redis.
 * Run: node -r @swc-node/register bench/notifications/index.ts
 */
import 'reflect-metadata';
import { UnitOfWork } from '@app/events';
import { TestServices } from '@app/testing';
import { JwtService } from '@nestjs/jwt';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { InboxRepository } from '../../src/notifications/persistence/inbox.repository';
import { connectLive } from '../../test/support/live-client';
import { startApp } from '../../test/support/test-app';
import { printTable, round, runBench } from '../support/stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONCURRENCY = 100;
const CITIES = 10;
const ROUNDS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function rawBullmq(services: TestServices, round: number): Promise<{ seconds: number; perSecond: number }> {
  const connection = () => new Redis(services.redisUri, { maxRetriesPerRequest: null });
  const prefix = `${services.redisPrefix}:raw${round}`;
  const queue = new Queue('raw', { connection: connection(), prefix });
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const started = performance.now();
  const worker = new Worker('raw', async () => undefined, { connection: connection(), prefix, concurrency: CONCURRENCY });
  worker.on('completed', () => ++done === EVENTS && finish());
  for (let i = 0; i < EVENTS; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, EVENTS - i) }, (_, k) => ({
        name: 'noop',
        data: { i: i + k },
        opts: { jobId: `raw-${i + k}`, removeOnComplete: { age: 3600, count: 20_000 } },
      })),
    );
  }
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.close();
  await worker.disconnect();
  await queue.disconnect();
  return { seconds, perSecond: EVENTS / seconds };
}

async function pipeline(services: TestServices, rawRun: (round: number) => Promise<{ perSecond: number }>) {
  const running = await startApp(services, { NOTIFICATION_CONCURRENCY: String(CONCURRENCY), LOG_LEVEL: 'silent' });
  try {
    const cities: { id: string }[] = (await running.api.get('/cities?limit=100')).body.items.slice(0, CITIES + 1);
    const [lead, ...recipients] = cities;
    const jwt = new JwtService({ secret: services.env().JWT_SECRET });
    const sockets = await Promise.all(
      recipients.map((city) =>
        connectLive(running.origin, jwt.sign({ sub: randomUUID(), email: 'b@bench', name: 'Bench', role: 'city', cityId: city.id })),
      ),
    );
    let received = 0;
    let target = 0;
    let finish: () => void = () => undefined;
    for (const s of sockets) s.on('notification', () => ++received === target && finish());
    const unitOfWork = running.app.get(UnitOfWork);
    const inbox = running.app.get(InboxRepository, { strict: false });
    const raw: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      raw.push((await rawRun(round)).perSecond);
      // Partnership events committed to the log in batches, as command handlers store them; the
      // notifications consumer follows the log and fans them out.
      const projectId = randomUUID();
      const pending = Array.from({ length: EVENTS }, (_, i) => ({
        type: 'PartnerInvited',
        data: {
          projectId,
          title: 'Music for all',
          leadCityId: lead.id,
          acceptedPartnerIds: [],
          cityId: recipients[i % recipients.length].id,
          message: null,
        },
      }));
      target = received + EVENTS;
      const allReceived = new Promise<void>((r) => (finish = r));
      const started = performance.now();
      for (let i = 0; i < EVENTS; i += 500) {
        const batch = pending.slice(i, i + 500);
        await unitOfWork.run({ actor: { userId: null, cityId: lead.id }, role: 'system', correlationId: 'bench' }, async (tx) =>
          tx.record('project', projectId, batch),
        );
      }
      await allReceived;
      ours.push(EVENTS / ((performance.now() - started) / 1000));
    }
    const written = (await Promise.all(recipients.map((c) => inbox.countUnread(c.id)))).reduce((a, b) => a + b, 0);
    sockets.forEach((s) => s.close());
    return { raw, ours, written, received };
  } finally {
    await running.close();
  }
}

async function main() {
  const services = await TestServices.start();
  try {
    const { raw, ours, written, received } = await pipeline(services, (round) => rawBullmq(services, round));
    if (written !== EVENTS * ROUNDS || received !== EVENTS * ROUNDS)
      throw new Error(`inbox ${written}, received ${received}; expected ${EVENTS * ROUNDS} each`);
    const ratio = median(ours) / median(raw);
    printTable([
      ...raw.map((r, i) => ({ round: i + 1, pipeline: `raw BullMQ, no-op processor ×${CONCURRENCY}`, jobs: EVENTS, per_second: Math.round(r) })),
      ...ours.map((r, i) => ({
        round: i + 1,
        pipeline: `event → job → inbox + live push → socket ×${CONCURRENCY}`,
        jobs: EVENTS,
        per_second: Math.round(r),
      })),
    ]);
    process.stdout.write(`median: ours ${Math.round(median(ours))}/s, raw ${Math.round(median(raw))}/s, ratio ${round(ratio, 3)}\n`);
    process.stdout.write(
      `${JSON.stringify({ events: EVENTS, rounds: ROUNDS, concurrency: CONCURRENCY, notificationsPerSecond: Math.round(median(ours)), rawBullmqPerSecond: Math.round(median(raw)), ratio: round(ratio, 3) })}\n`,
    );
  } finally {
    await services.stop();
  }
}

runBench(main);
