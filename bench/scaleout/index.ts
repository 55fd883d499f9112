/**
 * bench/scaleout: requests per second of 1, 2 and 3 API instances (src/main.ts, each in its own
 * process with its workers) sharing one database (the embedded MongoDB-protocol server in its own
 * process, replica-set mode) and one redis-server, behind a round-robin TCP proxy in a process of
 * its own (bench/support/round-robin-proxy.ts: connections, not requests, are spread). Baselines in
 * the same run: bench/http's raw Fastify server (the app's bytes), straight and behind the same
 * proxy (what the proxy costs), and the first instance straight. autocannon runs in this process.
 *
 * Settings: BENCH_INSTANCES (3), BENCH_CONNECTIONS (50), BENCH_SECONDS (8) per measurement,
 * BENCH_ROUNDS (1; the summary gives medians), BENCH_ROUTES (comma-separated parts of route names),
 * BENCH_WRITES (100): the write route is measured by a number of writes, every one answered, not by
 * a duration (a write waits seconds under 50 connections: a timed run would leave 50 of them behind).
 * The 11 seed cities and one project per connection; the app's log level is `warn` (no request
 * lines: bench/http measures logging). Linux only (CPU time per process from /proc).
 * Run: npm run bench scaleout
 */
import 'reflect-metadata';
import { cityUser } from '../../test/support/live-users';
import { proposeProject } from '../../test/support/projects';
import { login } from '../../test/support/test-app';
import type { RawRoute } from '../http/raw-server';
import { startApiInstances, startSharedServices, stopApiInstances, type ApiInstance } from '../support/api-instances';
import { commandLine, coresUsed, cpuSnapshot } from '../support/cpu-usage';
import { cannon, type Load, type LoadTarget } from '../support/load';
import { startRawHttpServer, type RawHttpServer } from '../support/raw-http-server';
import { startProxy, type Proxy } from '../support/round-robin-proxy';
import { printTable, round, runBench } from '../support/stats';

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
/** Writes per measurement of the write route (all answered: see bench/support/load.ts). */
const WRITES = Number(process.env.BENCH_WRITES ?? 100);

/** Where a measurement sends its load, and through what. */
interface Setup {
  name: string;
  /** Straight to this origin, or through the proxy to these ports. */
  direct?: string;
  ports?: number[];
}

/** Cores used during a measurement, by kind of process; `others`: the machine's other users. */
type Cpu = Record<'apps' | 'mongo' | 'redis' | 'proxy' | 'raw' | 'autocannon' | 'others', number>;

function kind(pid: number): keyof Cpu | undefined {
  if (pid === process.pid) return 'autocannon';
  const cmd = commandLine(pid);
  if (cmd.includes('src/main.ts')) return 'apps';
  if (cmd.includes('mongo-memory')) return 'mongo';
  if (cmd.includes('redis-server')) return 'redis';
  if (cmd.includes('round-robin-proxy')) return 'proxy';
  if (cmd.includes('raw-server')) return 'raw';
  return undefined;
}

async function measure(origin: string, target: LoadTarget, slow: boolean): Promise<{ load: Load; cpu: Cpu }> {
  // Warm-up: JIT, connection pools, every backend reached.
  await cannon(origin, target, slow ? { amount: CONNECTIONS } : { seconds: 2 }, CONNECTIONS);
  const before = cpuSnapshot();
  const started = performance.now();
  const load = await cannon(origin, target, slow ? { amount: WRITES } : { seconds: SECONDS }, CONNECTIONS);
  const used = coresUsed(before, cpuSnapshot(), (performance.now() - started) / 1000);
  const cpu: Cpu = { apps: 0, mongo: 0, redis: 0, proxy: 0, raw: 0, autocannon: 0, others: used.machine };
  for (const [pid, cores] of used.processes) {
    const k = kind(pid);
    if (k) cpu[k] += cores;
    cpu.others -= cores;
  }
  return { load, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const shared = await startSharedServices();
  let instances: ApiInstance[] = [];
  let proxy: Proxy | undefined;
  let raw: RawHttpServer | undefined;
  try {
    // Production's consumer poll interval, as `npm start` runs it.
    instances = await startApiInstances(shared.services, INSTANCES, {
      NODE_ENV: 'development',
      CONSUMER_POLL_INTERVAL_MS: '1000',
      LOG_LEVEL: 'warn',
    });
    const api = instances[0].api;
    const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    const lead = await cityUser(api, adminToken, 'sevilla');
    const projects: { id: string }[] = [];
    for (let i = 0; i < CONNECTIONS; i++) projects.push(await proposeProject(lead, `Scale-out project ${i}`));
    const auth = { authorization: `Bearer ${lead.token}`, 'content-type': 'application/json' };
    const update = JSON.stringify({ text: 'A concert in the square, open to everyone', kind: 'news' });

    const targets: (LoadTarget & { pattern: string })[] = [
      {
        name: 'GET /api/v1/cities/:id',
        method: 'GET',
        pattern: '/api/v1/cities/:id',
        status: 200,
        request: () => ({ path: `/api/v1/cities/${lead.cityId}` }),
      },
      {
        name: 'GET /api/v1/projects?limit=20',
        method: 'GET',
        pattern: '/api/v1/projects',
        status: 200,
        request: () => ({ path: '/api/v1/projects?limit=20' }),
      },
      {
        name: 'POST /api/v1/projects/:id/updates',
        method: 'POST',
        pattern: '/api/v1/projects/:id/updates',
        status: 201,
        request: (c) => ({ path: `/api/v1/projects/${projects[c % projects.length].id}/updates`, headers: auth, body: update }),
      },
    ];
    const wanted = process.env.BENCH_ROUTES?.split(',').map((s) => s.trim());
    const chosen = targets.filter((t) => !wanted || wanted.some((w) => t.name.includes(w)));

    // The raw server answers with the bytes the app answered.
    const routes: RawRoute[] = [];
    for (const t of targets) {
      const r = t.request(0);
      const res = await fetch(instances[0].origin + r.path, { method: t.method, headers: r.headers, body: r.body });
      const body = await res.text();
      if (res.status !== t.status) throw new Error(`${t.name}: ${res.status} ${body}`);
      routes.push({ method: t.method, url: t.pattern, status: res.status, body, etag: res.headers.get('etag') ?? undefined });
    }
    raw = await startRawHttpServer(routes);
    proxy = await startProxy();

    const setups: Setup[] = [
      { name: 'raw', direct: raw.origin },
      { name: 'raw via proxy', ports: [raw.port] },
      { name: '1 instance, no proxy', direct: instances[0].origin },
      ...instances.map((_, i) => ({ name: `${i + 1} instance${i ? 's' : ''}`, ports: instances.slice(0, i + 1).map((x) => x.port) })),
    ];
    const results = new Map<string, { load: Load; cpu: Cpu }[]>();
    for (let r = 0; r < ROUNDS; r++) {
      for (const t of chosen) {
        // A write takes seconds here: the proxy's cost is measured on the reads only.
        for (const s of setups.filter((x) => t.method === 'GET' || x.name !== '1 instance, no proxy')) {
          if (s.ports) await proxy.route(s.ports);
          const key = `${t.name}|${s.name}`;
          // The raw server answers a write at once: a timed run leaves nothing behind there.
          const m = await measure(s.direct ?? proxy.origin, t, t.method === 'POST' && !s.name.startsWith('raw'));
          results.set(key, [...(results.get(key) ?? []), m]);
          const answers = JSON.stringify(m.load.statuses);
          process.stderr.write(`round ${r + 1} ${t.name} ${s.name}: ${Math.round(m.load.rps)} req/s (${m.load.failed} failed, answers ${answers})\n`);
        }
      }
    }

    const rps = (t: LoadTarget, s: string) => median((results.get(`${t.name}|${s}`) ?? []).map((m) => m.load.rps));
    const cpuOf = (t: LoadTarget, s: string, k: keyof Cpu) => round(median(results.get(`${t.name}|${s}`)!.map((m) => m.cpu[k])));
    const rows = chosen.flatMap((t) =>
      setups
        .filter((s) => results.has(`${t.name}|${s.name}`))
        .map((s) => ({
          route: t.name,
          setup: s.name,
          rps: round(rps(t, s.name), 1),
          vs_1: round(rps(t, s.name) / rps(t, '1 instance'), 2),
          vs_raw_proxied: round(rps(t, s.name) / rps(t, 'raw via proxy'), 3),
          p99_ms: median(results.get(`${t.name}|${s.name}`)!.map((m) => m.load.p99)),
          failed: results.get(`${t.name}|${s.name}`)!.reduce((n, m) => n + m.load.failed, 0),
          // Load-independent-ish on a shared machine: answers per second of the API processes' CPU.
          per_app_core: Math.round(rps(t, s.name) / Math.max(cpuOf(t, s.name, 'apps'), 0.01)),
          cpu_apps: cpuOf(t, s.name, 'apps'),
          cpu_mongo: cpuOf(t, s.name, 'mongo'),
          cpu_redis: cpuOf(t, s.name, 'redis'),
          cpu_proxy: cpuOf(t, s.name, 'proxy'),
          cpu_raw: cpuOf(t, s.name, 'raw'),
          cpu_autocannon: cpuOf(t, s.name, 'autocannon'),
          cpu_others: cpuOf(t, s.name, 'others'),
        })),
    );
    printTable(rows);
    const instanceNames = setups.filter((s) => s.ports && !s.name.startsWith('raw')).map((s) => s.name);
    process.stdout.write(
      `${JSON.stringify({
        instances: INSTANCES,
        connections: CONNECTIONS,
        seconds: SECONDS,
        writes: WRITES,
        rounds: ROUNDS,
        proxy: 'round-robin TCP, per connection, own process',
        routes: Object.fromEntries(
          chosen.map((t) => [
            t.name,
            {
              raw: Math.round(rps(t, 'raw')),
              rawProxied: Math.round(rps(t, 'raw via proxy')),
              proxyCost: round(rps(t, 'raw via proxy') / rps(t, 'raw'), 2),
              directOne: results.has(`${t.name}|1 instance, no proxy`) ? Math.round(rps(t, '1 instance, no proxy')) : undefined,
              rps: Object.fromEntries(instanceNames.map((n) => [n, round(rps(t, n), 1)])),
              perAppCore: Object.fromEntries(instanceNames.map((n) => [n, Math.round(rps(t, n) / Math.max(cpuOf(t, n, 'apps'), 0.01))])),
              vsOne: Object.fromEntries(instanceNames.map((n) => [n, round(rps(t, n) / rps(t, '1 instance'), 2)])),
              vsRaw: Object.fromEntries(instanceNames.map((n) => [n, round(rps(t, n) / rps(t, 'raw via proxy'), 3)])),
              mongoCores: Object.fromEntries(instanceNames.map((n) => [n, cpuOf(t, n, 'mongo')])),
              appCores: Object.fromEntries(instanceNames.map((n) => [n, cpuOf(t, n, 'apps')])),
              othersCores: Object.fromEntries(instanceNames.map((n) => [n, cpuOf(t, n, 'others')])),
              failed: rows.filter((r) => r.route === t.name).reduce((n, r) => n + r.failed, 0),
            },
          ]),
        ),
      })}\n`,
    );
  } finally {
    await proxy?.stop();
    await raw?.stop();
    await stopApiInstances(instances);
    await shared.stop();
  }
}

runBench(main);
