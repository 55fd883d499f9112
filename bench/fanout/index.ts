/**
 * bench/fanout: an invitation request → its `notification` on every socket of the invited city
 * (BENCH_SOCKETS, 1000, all signed in as one user of that city), first and last delivery after the
 * request was sent, BENCH_REPEAT (5) invitations, one API instance (src/main.ts in a child process,
 * its workers in it, production's consumer poll interval). Beside it, in the same run: a raw
 * Socket.IO server (Redis adapter, bench/sockets/server.ts) emitting to a room of as many sockets.
 * This process holds the clients only. Run: npm run bench fanout
 */
import 'reflect-metadata';
import { TestServices } from '@app/testing';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startAppProcess } from '../../test/support/app-process';
import { connectLive } from '../../test/support/live-client';
import { cityUser } from '../../test/support/live-users';
import { startMongoProcess } from '../../test/support/mongo-process';
import { proposeProject } from '../../test/support/projects';
import { login } from '../../test/support/test-app';
import { percentile, printTable, round, sleep } from '../support/stats';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

interface Fanout {
  first: number[];
  last: number[];
}

async function openAll(open: () => Promise<Socket>): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < SOCKETS; i += 50) sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, SOCKETS - i) }, open))));
  return sockets;
}

/** Sends with `send`, then waits until every socket has seen it; the delays of the first and the last. */
async function deliver(receipts: number[], send: () => Promise<void>, result: Fanout): Promise<void> {
  receipts.length = 0;
  const sentAt = performance.now();
  await send();
  const deadline = Date.now() + 15_000;
  while (receipts.length < SOCKETS && Date.now() < deadline) await sleep(5);
  if (receipts.length < SOCKETS) throw new Error(`only ${receipts.length}/${SOCKETS} sockets were told`);
  result.first.push(Math.min(...receipts) - sentAt);
  result.last.push(Math.max(...receipts) - sentAt);
}

async function raw(): Promise<Fanout> {
  const child = fork(join(__dirname, '..', 'sockets', 'server.ts'), ['raw'], {
    execArgv: ['-r', '@swc-node/register', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { origin, token } = await new Promise<{ origin: string; token: string }>((r) => child.once('message', (m) => r(m as never)));
  const receipts: number[] = [];
  const sockets = await openAll(() => {
    const s = io(`${origin}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    s.on('notification', () => receipts.push(performance.now()));
    return new Promise((resolve) => s.once('connect', () => resolve(s)));
  });
  await sleep(500);
  const result: Fanout = { first: [], last: [] };
  for (let i = 0; i < REPEAT; i++) await deliver(receipts, async () => void child.send({ emit: Date.now() }), result);
  sockets.forEach((s) => s.close());
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  return result;
}

async function platform(services: TestServices): Promise<Fanout> {
  // Production's poll interval (the tests' is shorter), as `npm start` would run.
  const app = await startAppProcess(services.env({ NODE_ENV: 'development', CONSUMER_POLL_INTERVAL_MS: '1000' }));
  try {
    const adminToken = await login(app.api, 'admin@test.local', 'admin-password-1');
    const sevilla = await cityUser(app.api, adminToken, 'sevilla');
    const lliria = await cityUser(app.api, adminToken, 'lliria');
    const origin = app.api.baseUrl.replace(/\/api\/v1$/, '');
    let projectId = '';
    const receipts: number[] = [];
    const sockets = await openAll(async () => {
      const s = await connectLive(origin, lliria.token);
      s.on(
        'notification',
        (n: { type?: string; link?: { id?: string } }) => n.type === 'PartnerInvited' && n.link?.id === projectId && receipts.push(performance.now()),
      );
      return s;
    });
    await sleep(500);
    const result: Fanout = { first: [], last: [] };
    for (let i = 0; i < REPEAT; i++) {
      projectId = (await proposeProject(sevilla, `Fan-out ${i}`)).id;
      await deliver(
        receipts,
        async () => {
          const res = await sevilla.api.post(`/projects/${projectId}/invitations`, { cityId: lliria.cityId });
          if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`);
        },
        result,
      );
    }
    sockets.forEach((s) => s.close());
    return result;
  } finally {
    await app.kill('SIGTERM');
  }
}

async function main() {
  const mongo = await startMongoProcess();
  const services = await TestServices.start({ mongoUri: mongo.uri });
  try {
    const rawResult = await raw();
    const ours = await platform(services);
    const row = (name: string, r: Fanout) => ({
      pipeline: name,
      first_ms_p50: round(percentile(r.first, 50)),
      last_ms_p50: round(percentile(r.last, 50)),
      last_ms_max: round(Math.max(...r.last)),
    });
    const rows = [row('raw Socket.IO emit → room', rawResult), row('invitation request → notification', ours)];
    printTable(rows);
    process.stdout.write(
      `${JSON.stringify({
        sockets: SOCKETS,
        repeat: REPEAT,
        firstMs: rows[1].first_ms_p50,
        lastMs: rows[1].last_ms_p50,
        lastMsMax: rows[1].last_ms_max,
        rawFirstMs: rows[0].first_ms_p50,
        rawLastMs: rows[0].last_ms_p50,
        lastRatio: round(rows[1].last_ms_p50 / Math.max(rows[0].last_ms_p50, 0.01)),
      })}\n`,
    );
  } finally {
    await services.stop();
    await mongo.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
