/**
 * bench/notifications: notifications delivered per second (inbox item written and pushed live,
 * received by the city's socket) for a burst of 10,000 partnership events (BENCH_EVENTS), one user per
 * recipient city (its e-mail cadence BENCH_EMAIL: off, or instant to add the mail channel), beside raw BullMQ with
 * a no-op processor at the same concurrency, in the same run, on the same Redis. The database runs
 * in a child process, as the embedded default of `npm start` runs it.
 * Run: node -r @swc-node/register bench/notifications/index.ts
 */
import 'reflect-metadata';
import { UnitOfWork } from '@app/events';
import { TestServices } from '@app/testing';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { InboxRepository } from '../../src/notifications/persistence/inbox.repository';
import { connectLive } from '../../test/support/live-client';
import { cityUserOf } from '../../test/support/live-users';
import { startMongoProcess } from '../../test/support/mongo-process';
import { login, startApp } from '../../test/support/test-app';
import { printTable, round, runBench } from '../support/stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONCURRENCY = 100;
const CITIES = 10;
const ROUNDS = 3;
const EMAIL = process.env.BENCH_EMAIL ?? 'off';

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
    // Sockets of real users (a socket's token must name a live session).
    const adminToken = await login(running.api, 'admin@test.local', 'admin-password-1');
    const users = await Promise.all(recipients.map((city) => cityUserOf(running.api, adminToken, city.id, 'bench')));
    // The e-mail channel is another queue and its own work (a mail job per user and notification):
    // off by default, so the ratio is the inbox and live channel's; BENCH_EMAIL=instant adds it.
    for (const user of users) {
      const set = await user.api.put('/notifications/preferences', { email: EMAIL, mutedTypes: [] });
      if (set.status !== 200) throw new Error(`preferences: ${set.status} ${JSON.stringify(set.body)}`);
    }
    const sockets = await Promise.all(users.map((user) => connectLive(running.origin, user.token)));
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
  const mongo = await startMongoProcess();
  const services = await TestServices.start({ mongoUri: mongo.uri });
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
      `${JSON.stringify({ events: EVENTS, rounds: ROUNDS, concurrency: CONCURRENCY, email: EMAIL, notificationsPerSecond: Math.round(median(ours)), rawBullmqPerSecond: Math.round(median(raw)), ratio: round(ratio, 3) })}\n`,
    );
  } finally {
    await services.stop();
    await mongo.stop();
  }
}

runBench(main);
