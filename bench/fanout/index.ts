/**
 * bench/fanout: an invitation request → its `notification` on every socket of the invited city
 * (BENCH_SOCKETS, 1000, all signed in as one user of that city), first and last delivery after the
 * request was sent, BENCH_REPEAT (5) invitations, BENCH_INSTANCES (1) API instances (src/main.ts,
 * each in a child process with its workers, production's consumer poll interval) sharing one
 * database process and one Redis (bench/support/api-instances.ts): the sockets are split between
 * the instances in turn, the invitation is sent to the first. Beside it, in the same run: a raw
 * Socket.IO server (Redis adapter, bench/sockets/server.ts) emitting to a room of as many sockets.
 * This process holds the clients only. Run: npm run bench fanout (BENCH_INSTANCES=2 npm run bench fanout)
 */
import 'reflect-metadata';
import type { TestServices } from '@app/testing';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { connectLive } from '../../test/support/live-client';
import { cityUser } from '../../test/support/live-users';
import { proposeProject } from '../../test/support/projects';
import { login } from '../../test/support/test-app';
import { startApiInstances, startSharedServices, stopApiInstances } from '../support/api-instances';
import { coresUsed, cpuSnapshot, type CpuSnapshot } from '../support/cpu-usage';
import { percentile, printTable, round, sleep, runBench } from '../support/stats';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);

interface Fanout {
  first: number[];
  last: number[];
  /** The last delivery on the sockets of each instance, per invitation (instance by instance). */
  lastByInstance: number[][];
  /** Cores the rest of the machine (not this bench's processes) used while the deliveries ran. */
  othersCores: number;
}

/** The machine's cores used by other processes than this one and its children since `from`. */
function othersSince(from: CpuSnapshot, startedAt: number): number {
  const used = coresUsed(from, cpuSnapshot(), (performance.now() - startedAt) / 1000);
  return round([...used.processes.values()].reduce((rest, cores) => rest - cores, used.machine));
}

/** When a socket was told, and which instance it is connected to. */
interface Receipt {
  at: number;
  instance: number;
}

/** Opens SOCKETS sockets, 50 at a time; `open(i)` opens the i-th. */
async function openAll(open: (i: number) => Promise<Socket>): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < SOCKETS; i += 50)
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, SOCKETS - i) }, (_, j) => open(i + j)))));
  return sockets;
}

/** Sends with `send`, then waits until every socket has seen it; the delays of the first and the last. */
async function deliver(receipts: Receipt[], send: () => Promise<void>, result: Fanout): Promise<void> {
  receipts.length = 0;
  const sentAt = performance.now();
  await send();
  const deadline = Date.now() + 15_000;
  while (receipts.length < SOCKETS && Date.now() < deadline) await sleep(5);
  if (receipts.length < SOCKETS) throw new Error(`only ${receipts.length}/${SOCKETS} sockets were told`);
  const times = receipts.map((r) => r.at);
  result.first.push(Math.min(...times) - sentAt);
  result.last.push(Math.max(...times) - sentAt);
  const instances = Math.max(...receipts.map((r) => r.instance)) + 1;
  result.lastByInstance.push(
    Array.from({ length: instances }, (_, i) => Math.max(...receipts.filter((r) => r.instance === i).map((r) => r.at)) - sentAt),
  );
}

async function raw(): Promise<Fanout> {
  const child = fork(join(__dirname, '..', 'sockets', 'server.ts'), ['raw'], {
    execArgv: ['-r', '@swc-node/register', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { origin, token } = await new Promise<{ origin: string; token: string }>((r) => child.once('message', (m) => r(m as never)));
  const receipts: Receipt[] = [];
  const sockets = await openAll(() => {
    const s = io(`${origin}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    s.on('notification', () => receipts.push({ at: performance.now(), instance: 0 }));
    return new Promise((resolve) => s.once('connect', () => resolve(s)));
  });
  await sleep(500);
  const result: Fanout = { first: [], last: [], lastByInstance: [], othersCores: 0 };
  const [cpu, startedAt] = [cpuSnapshot(), performance.now()];
  for (let i = 0; i < REPEAT; i++) await deliver(receipts, async () => void child.send({ emit: Date.now() }), result);
  result.othersCores = othersSince(cpu, startedAt);
  sockets.forEach((s) => s.close());
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  return result;
}

async function platform(services: TestServices): Promise<Fanout> {
  // Production's poll interval (the tests' is shorter), as `npm start` would run.
  const instances = await startApiInstances(services, INSTANCES, { NODE_ENV: 'development', CONSUMER_POLL_INTERVAL_MS: '1000' });
  try {
    const api = instances[0].api;
    const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    const sevilla = await cityUser(api, adminToken, 'sevilla');
    const lliria = await cityUser(api, adminToken, 'lliria');
    let projectId = '';
    const receipts: Receipt[] = [];
    // Socket i on instance i mod N, as a round-robin balancer would spread them.
    const sockets = await openAll(async (i) => {
      const instance = i % instances.length;
      const s = await connectLive(instances[instance].origin, lliria.token);
      s.on(
        'notification',
        (n: { type?: string; link?: { id?: string } }) =>
          n.type === 'PartnerInvited' && n.link?.id === projectId && receipts.push({ at: performance.now(), instance }),
      );
      return s;
    });
    await sleep(500);
    const result: Fanout = { first: [], last: [], lastByInstance: [], othersCores: 0 };
    const [cpu, startedAt] = [cpuSnapshot(), performance.now()];
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
    result.othersCores = othersSince(cpu, startedAt);
    sockets.forEach((s) => s.close());
    return result;
  } finally {
    await stopApiInstances(instances);
  }
}

async function main() {
  const shared = await startSharedServices();
  try {
    const rawResult = await raw();
    const ours = await platform(shared.services);
    const row = (name: string, r: Fanout) => ({
      pipeline: name,
      first_ms_p50: round(percentile(r.first, 50)),
      last_ms_p50: round(percentile(r.last, 50)),
      last_ms_max: round(Math.max(...r.last)),
      others_cores: r.othersCores,
    });
    const rows = [
      row('raw Socket.IO emit → room', rawResult),
      row(`invitation request → notification (${INSTANCES} instance${INSTANCES > 1 ? 's' : ''})`, ours),
    ];
    printTable(rows);
    // The invitation's instance is the first: the others' sockets are told through Redis.
    const lastByInstance = Array.from({ length: INSTANCES }, (_, i) =>
      round(
        percentile(
          ours.lastByInstance.map((l) => l[i]),
          50,
        ),
      ),
    );
    process.stdout.write(
      `${JSON.stringify({
        sockets: SOCKETS,
        repeat: REPEAT,
        instances: INSTANCES,
        firstMs: rows[1].first_ms_p50,
        lastMs: rows[1].last_ms_p50,
        lastMsMax: rows[1].last_ms_max,
        lastMsByInstance: lastByInstance,
        // A shared machine: what other people's work took of its cores meanwhile (the raw server's
        // database and Redis, its own children, count here too: idle while it emits).
        othersCores: ours.othersCores,
        rawOthersCores: rawResult.othersCores,
        rawFirstMs: rows[0].first_ms_p50,
        rawLastMs: rows[0].last_ms_p50,
        lastRatio: round(rows[1].last_ms_p50 / Math.max(rows[0].last_ms_p50, 0.01)),
      })}\n`,
    );
  } finally {
    await shared.stop();
  }
}

runBench(main);
