/**
 * bench/http: requests per second of the app, started as `npm start` starts it (src/main.ts with the
 * embedded defaults, kept in memory: the MongoDB-protocol server, a redis-server child, workers, LOG_LEVEL
 * info), against a raw Fastify server answering the same routes with the same bytes, each in a
 * process of its own and measured in turn by autocannon from this process (50 connections).
 *
 * Settings: BENCH_CITIES (350) cities in the network (seed cities and imported ones);
 * BENCH_CONNECTIONS (50); BENCH_SECONDS (8) per measurement; BENCH_ROUNDS (1) rounds (the summary
 * gives the median ratio and the spread); BENCH_ROUTES (comma-separated parts of route names) to run
 * a subset; BENCH_APP_LOG_LEVEL (info); BENCH_APP_DIR to run the app of another checkout (e.g. a
 * `git archive <commit>` with node_modules linked: before and after in the same conditions);
 * BENCH_CPU_PROF=<dir> to write the V8 CPU profiles of the app and of its embedded MongoDB there
 * (node --cpu-prof) on exit, with the measurement windows (windows.json) for profile-summary.ts.
 * Run: npm run bench http
 */
import 'reflect-metadata';
import { ApiClient } from '@app/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cityUser } from '../../test/support/live-users';
import { proposeProject } from '../../test/support/projects';
import { login } from '../../test/support/test-app';
import { cannon, type Load, type LoadTarget } from '../support/load';
import { startRawHttpServer, type RawHttpServer } from '../support/raw-http-server';
import { printTable, round, sleep, runBench } from '../support/stats';
import type { RawRoute } from './raw-server';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
/** Cities in the network during the run (the 11 seed cities included). */
const CITIES = Number(process.env.BENCH_CITIES ?? 350);
const ROOT = join(__dirname, '..', '..');
const ADMIN = { email: 'admin@bench.local', password: 'bench-admin-password-1' };

interface Target extends LoadTarget {
  /** The raw route's Fastify path. */
  pattern: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** src/main.ts as `npm start` runs it: no MONGODB_URI or REDIS_URL, so the embedded services. */
async function startPlatform(): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.BENCH_APP_LOG_LEVEL ?? 'info',
    LOG_PRETTY: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // A fresh database every run: the embedded default keeps its data in ./data, so each run would
    // read (and add to) what the earlier ones wrote, and the lists' figures would drift with it.
    EMBEDDED_IN_MEMORY: 'true',
  };
  for (const key of ['MONGODB_URI', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL', 'PUBLIC_URL']) delete env[key];
  // The embedded MongoDB's child process takes the --cpu-prof flags over (embedded-mongo.ts).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // The logs go to a file, as a container's stdout would go to a collector: written, never read here.
  const log = openSync(process.env.BENCH_APP_LOG ?? '/tmp/bench-http-app.log', 'w');
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', 'src/main.ts'], {
    cwd: process.env.BENCH_APP_DIR ?? ROOT,
    env,
    stdio: ['ignore', log, 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    const ready = await fetch(`${origin}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error('the app did not become ready in 120 s');
    await sleep(250);
  }
  return { child, origin };
}

/**
 * The network's size today (issue #14: 350 cities): the 11 seed cities of `npm start` and generated
 * ones, imported as an admin would (POST /cities/import), the creative fields in turn, so that
 * `?field=music&limit=20` is a full page of a filtered list, as in production.
 */
async function importCities(api: ApiClient, adminToken: string): Promise<void> {
  const fields = ['crafts-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music'];
  const countries = ['ES', 'FR', 'IT', 'DE', 'PT', 'GB', 'NL', 'BE', 'SE', 'PL', 'US', 'CA'];
  const rows = Array.from({ length: CITIES - 11 }, (_, i) => {
    const lat = (35 + ((i * 7) % 25) + 0.1234).toFixed(4);
    const lng = (-9 + ((i * 11) % 30) + 0.5678).toFixed(4);
    return `Bench City ${i + 1},${countries[i % countries.length]},europe-north-america,${fields[i % fields.length]},${2004 + (i % 20)},${lat},${lng}`;
  });
  const csv = ['name,country,region,field,designationYear,lat,lng', ...rows].join('\n');
  const res = await api.as(adminToken).request('POST', '/cities/import', csv, { 'content-type': 'text/csv' });
  if (res.status !== 200) throw new Error(`import cities: ${res.status} ${JSON.stringify(res.body)}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const platform = await startPlatform();
  let raw: RawHttpServer | undefined;
  try {
    const api = new ApiClient(`${platform.origin}/api/v1`);
    const adminToken = await login(api, ADMIN.email, ADMIN.password);
    await importCities(api, adminToken);
    const lead = await cityUser(api, adminToken, 'sevilla');
    const projects: { id: string }[] = [];
    for (let i = 0; i < CONNECTIONS; i++) projects.push(await proposeProject(lead, `Bench project ${i}`));
    const music = await api.get('/cities?field=music&limit=1');
    const cityId: string = music.body.items[0].id;
    const auth = { authorization: `Bearer ${lead.token}`, 'content-type': 'application/json' };
    const update = JSON.stringify({ text: 'A concert in the square, open to everyone', kind: 'news' });

    let projectsEtag = '';
    const targets: Target[] = [
      { name: 'GET /health/live', method: 'GET', pattern: '/health/live', status: 200, request: () => ({ path: '/health/live' }) },
      {
        name: 'GET /api/v1/cities/:id',
        method: 'GET',
        pattern: '/api/v1/cities/:id',
        status: 200,
        request: () => ({ path: `/api/v1/cities/${cityId}` }),
      },
      {
        // The read cache bypassed (what every miss, and every signed-in caller, costs): the database read.
        name: 'GET /api/v1/cities/:id (Cache-Control: no-cache)',
        method: 'GET',
        pattern: '/api/v1/cities/:id',
        status: 200,
        request: () => ({ path: `/api/v1/cities/${cityId}`, headers: { 'cache-control': 'no-cache' } }),
      },
      {
        name: 'GET /api/v1/cities?field=music&limit=20',
        method: 'GET',
        pattern: '/api/v1/cities',
        status: 200,
        request: () => ({ path: '/api/v1/cities?field=music&limit=20' }),
      },
      {
        name: 'GET /api/v1/projects?limit=20',
        method: 'GET',
        pattern: '/api/v1/projects',
        status: 200,
        request: () => ({ path: '/api/v1/projects?limit=20' }),
      },
      {
        name: 'GET /api/v1/projects?limit=20 (Cache-Control: no-cache)',
        method: 'GET',
        pattern: '/api/v1/projects',
        status: 200,
        request: () => ({ path: '/api/v1/projects?limit=20', headers: { 'cache-control': 'no-cache' } }),
      },
      {
        // A client revalidating what it has: the body is still computed, then not sent.
        name: 'GET /api/v1/projects?limit=20 (If-None-Match: 304)',
        method: 'GET',
        pattern: '/api/v1/projects',
        status: 304,
        request: () => ({ path: '/api/v1/projects?limit=20', headers: { 'if-none-match': projectsEtag } }),
      },
      {
        name: 'POST /api/v1/projects/:id/updates',
        method: 'POST',
        pattern: '/api/v1/projects/:id/updates',
        status: 201,
        request: (c) => ({ path: `/api/v1/projects/${projects[c % projects.length].id}/updates`, headers: auth, body: update }),
      },
    ];

    // The raw server answers with the bytes the app answered (and the status, and its ETag).
    const routes: RawRoute[] = [];
    for (const t of targets) {
      if (t.status === 304 || routes.some((r) => r.url === t.pattern)) continue;
      const r = t.request(0);
      const res = await fetch(platform.origin + r.path, { method: t.method, headers: r.headers, body: r.body });
      const body = await res.text();
      if (res.status !== t.status) throw new Error(`${t.name}: ${res.status} ${body}`);
      const etag = res.headers.get('etag') ?? undefined;
      if (t.pattern === '/api/v1/projects') projectsEtag = etag ?? '';
      routes.push({ method: t.method, url: t.pattern, status: res.status, body, etag });
    }
    const wanted = process.env.BENCH_ROUTES?.split(',').map((s) => s.trim());
    // An app without ETags (an older commit, BENCH_APP_DIR) has no revalidation to measure.
    const chosen = targets.filter((t) => (!wanted || wanted.some((w) => t.name.includes(w))) && (t.status !== 304 || projectsEtag));
    raw = await startRawHttpServer(routes);
    const rawOrigin = raw.origin;

    const results = new Map<string, { ours: Load[]; raw: Load[] }>();
    const windows: { name: string; round: number; from: number; to: number }[] = [];
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      for (const t of chosen) {
        const entry = results.get(t.name) ?? { ours: [], raw: [] };
        results.set(t.name, entry);
        // The list changes with the writes of an earlier round: revalidate what is current now.
        if (t.status === 304) projectsEtag = (await fetch(`${platform.origin}${t.request(0).path}`)).headers.get('etag') ?? '';
        await cannon(platform.origin, t, { seconds: 2 }, CONNECTIONS); // warm-up: JIT, connection pools
        const from = process.hrtime.bigint() / 1000n;
        entry.ours.push(await cannon(platform.origin, t, { seconds: SECONDS }, CONNECTIONS));
        // CLOCK_MONOTONIC µs, the clock of V8's profile timestamps: profile-summary.ts keeps this window.
        windows.push({ name: t.name, round: round_ + 1, from: Number(from), to: Number(process.hrtime.bigint() / 1000n) });
        await cannon(rawOrigin, t, { seconds: 1 }, CONNECTIONS);
        entry.raw.push(await cannon(rawOrigin, t, { seconds: SECONDS }, CONNECTIONS));
        process.stderr.write(`round ${round_ + 1} ${t.name}: ${round(entry.ours.at(-1)!.rps)} vs ${round(entry.raw.at(-1)!.rps)} req/s\n`);
      }
    }

    const rows = [...results].map(([name, r]) => {
      const ratios = r.ours.map((o, i) => o.rps / r.raw[i].rps);
      return {
        route: name,
        ours_rps: Math.round(median(r.ours.map((o) => o.rps))),
        raw_rps: Math.round(median(r.raw.map((o) => o.rps))),
        ratio: round(median(ratios), 3),
        ratio_min: round(Math.min(...ratios), 3),
        ratio_max: round(Math.max(...ratios), 3),
        ours_p99_ms: median(r.ours.map((o) => o.p99)),
        raw_p99_ms: median(r.raw.map((o) => o.p99)),
        ours_failed: r.ours.reduce((n, o) => n + o.failed, 0),
        raw_failed: r.raw.reduce((n, o) => n + o.failed, 0),
      };
    });
    printTable(rows);
    if (process.env.BENCH_CPU_PROF) writeFileSync(join(process.env.BENCH_CPU_PROF, 'windows.json'), JSON.stringify(windows, null, 2));
    process.stdout.write(
      `${JSON.stringify({
        connections: CONNECTIONS,
        seconds: SECONDS,
        rounds: ROUNDS,
        routes: Object.fromEntries(
          rows.map((r) => [
            r.route,
            { ratio: r.ratio, min: r.ratio_min, max: r.ratio_max, ours: r.ours_rps, raw: r.raw_rps, oursFailed: r.ours_failed },
          ]),
        ),
      })}\n`,
    );
  } finally {
    if (raw) await raw.stop();
    await stop(platform.child);
  }
}

runBench(main);
