/**
 * Fuzz suite (issue #13): fast-check generates requests to EVERY operation of the OpenAPI document
 * (read from the running app), as anonymous, the admin and two city users, from each operation's
 * documented parameters and body schema, and sends them over real HTTP. Properties: no 5xx ever;
 * every 4xx is application/problem+json shaped like the documented Problem; no event-loop stall
 * over 200 ms while it runs (the app runs in this process, so its loop is this loop).
 *
 * One fc.check per operation, each with its own fixed seed derived from SEED: a failure reports the
 * seed, the path and the (shrunk) counterexample, and reproduces with the same SEED — alone with
 * FUZZ_ONLY="POST /api/v1/projects". Four operations are fuzzed at a time: a few requests in flight
 * keep two cores busy (the run stays well under 90 s) without turning it into a load test.
 */
import { TestServices } from '@app/testing';
import fc from 'fast-check';
import { buildWorld, type World } from './support/fixtures';
import { requestArbitrary, type FuzzActor, type FuzzIds, type FuzzOperation, type FuzzRequest } from './support/fuzz-arbitraries';
import type { OpenApiDoc, Schema } from './support/hostile-input';
import { openApiDocument } from './support/openapi';
import { StallWatch } from './support/stall-watch';
import { startApp, type RunningApp } from './support/test-app';

const SEED = Number(process.env.FUZZ_SEED ?? 0x13c0ffee);
/** Requests to generate in all, spread evenly over the operations (shrinking a failure sends more). */
const TOTAL = 5_200;
const CONCURRENCY = 4;
const STALL_MS = 200;
const PROBLEM = /^application\/problem\+json/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Operations whose failure is a known, reported defect (operation → what is wrong and where). They
 * still run: a failure elsewhere fails the suite, and so does one of these no longer failing.
 */
const KNOWN_DEFECTS: Record<string, string> = {};

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** FNV-1a: a stable per-operation seed, so that adding an operation changes no other's requests. */
function seedOf(operation: string): number {
  let hash = 0x811c9dc5;
  for (const char of operation) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash ^ SEED) >>> 0;
}

describe('Fuzz: generated requests to every operation (issue #13)', () => {
  let services: TestServices;
  let running: RunningApp;
  let world: World;
  let doc: OpenApiDoc;
  let operations: FuzzOperation[];
  let problemSchema: Schema;
  const watch = new StallWatch(STALL_MS / 2);
  const stats = {
    requests: 0,
    byStatus: {} as Record<string, number>,
    undocumented: new Set<string>(),
    ms: 0,
    maxDelayMs: 0,
    p99DelayMs: 0,
  };

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    world = await buildWorld(running);
    doc = (await openApiDocument(running.origin)) as OpenApiDoc;
    problemSchema = doc.components.schemas.Problem;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => METHODS.includes(m))
        .map(([m, op]) => ({ method: m.toUpperCase(), path, op })),
    );
  }, 60_000);

  afterAll(async () => {
    console.log(
      `fuzz: ${operations?.length} operations, ${stats.requests} requests in ${(stats.ms / 1000).toFixed(1)} s ` +
        `(${JSON.stringify(stats.byStatus)}); event-loop delay max ${stats.maxDelayMs.toFixed(1)} ms, p99 ${stats.p99DelayMs.toFixed(1)} ms; ` +
        `statuses not in the document: ${[...stats.undocumented].sort().join(', ') || 'none'}`,
    );
    await running?.close();
    await services?.stop();
  });

  const ids = (): FuzzIds => {
    const cities = [world.a.cityId, world.b.cityId, world.c.cityId];
    const other = [world.projectId, world.practiceId, world.commentId, world.exchangeId, world.notificationId];
    const byPrefix: [string, string[]][] = [
      ['/api/v1/projects', [world.projectId]],
      ['/api/v1/practices', [world.practiceId]],
      ['/api/v1/comments', [world.commentId]],
      ['/api/v1/exchanges', [world.exchangeId]],
      ['/api/v1/notifications', [world.notificationId]],
      ['/api/v1/cities', cities],
    ];
    return {
      cities,
      other,
      pathParam: (path, name) =>
        name === 'cityId' ? cities : (byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1] ?? ['4b7c2a1e-0000-4000-a000-000000000000']),
    };
  };

  const tokenOf = (actor: FuzzActor): string | undefined =>
    ({ anonymous: undefined, admin: world.adminToken, cityA: world.a.token, cityB: world.b.token })[actor];

  async function send(req: FuzzRequest): Promise<Answer> {
    const headers = { ...req.headers };
    const token = tokenOf(req.actor);
    if (token) headers.authorization = `Bearer ${token}`;
    stats.requests++;
    const label = `${req.actor} ${req.method} ${req.url.slice(0, 200)}${req.body === undefined ? '' : ` ${req.body.slice(0, 200)}`}`;
    const [res, text] = await watch.track(label, async () => {
      const r = await fetch(running.origin + req.url, { method: req.method, headers, body: req.body, signal: AbortSignal.timeout(15_000) });
      return [r, await r.text()] as const;
    });
    const key = `${Math.floor(res.status / 100)}xx`;
    stats.byStatus[key] = (stats.byStatus[key] ?? 0) + 1;
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
  }

  /** What is wrong with an answer: a 5xx, or a 4xx that is not the documented problem+json. */
  function violations(a: Answer): string[] {
    if (a.status >= 500) return [`answered ${a.status}`];
    if (a.status < 400) return [];
    const wrong: string[] = [];
    if (!PROBLEM.test(a.contentType)) wrong.push(`4xx with content-type "${a.contentType}"`);
    let p: any;
    try {
      p = JSON.parse(a.text);
    } catch {
      return [...wrong, '4xx body is not JSON'];
    }
    for (const name of problemSchema.required ?? []) {
      const type = problemSchema.properties?.[name]?.type;
      const value = p?.[name];
      if (type === 'integer' ? !Number.isInteger(value) : typeof value !== type) wrong.push(`problem without a ${type} "${name}"`);
    }
    if (p?.status !== a.status) wrong.push(`problem status ${p?.status} is not the HTTP status`);
    if (typeof p?.detail === 'string' && !p.detail) wrong.push('problem with an empty detail');
    const errors = p?.errors;
    const wellFormed = (e: any) => typeof e?.field === 'string' && typeof e?.message === 'string';
    if (errors !== undefined && !(Array.isArray(errors) && errors.every(wellFormed))) wrong.push('errors is not an array of {field, message}');
    // The document describes every 400 as a problem "with an `errors` array of {field, message}".
    if (a.status === 400 && !(Array.isArray(errors) && errors.length > 0)) wrong.push('400 without errors');
    return wrong;
  }

  const documentedStatuses = (operation: FuzzOperation) => new Set(Object.keys(operation.op.responses));

  /** Fuzzes one operation; returns fast-check's report (seed, path, counterexample) when it fails. */
  async function fuzz(operation: FuzzOperation, numRuns: number): Promise<string | undefined> {
    const name = `${operation.method} ${operation.path}`;
    const documented = documentedStatuses(operation);
    const property = fc.asyncProperty(requestArbitrary(doc, operation, ids()), async (req) => {
      const answer = await send(req);
      if (answer.status >= 400 && !documented.has(String(answer.status))) stats.undocumented.add(`${name} ${answer.status}`);
      const wrong = violations(answer);
      if (wrong.length) throw new Error(`${req.actor} ${req.method} ${req.url} → ${wrong.join('; ')}: ${answer.text.slice(0, 300)}`);
    });
    const details = await fc.check(property, { seed: seedOf(name), numRuns });
    return details.failed ? `${name}: ${fc.defaultReportMessage(details)}` : undefined;
  }

  it('never answers 5xx, and answers every 4xx with the documented problem+json', async () => {
    const only = process.env.FUZZ_ONLY;
    const chosen = only ? operations.filter((o) => `${o.method} ${o.path}` === only) : operations;
    expect(chosen.length).toBeGreaterThan(0);
    const numRuns = Math.ceil(TOTAL / chosen.length);
    const failures: string[] = [];
    const known: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < chosen.length) {
        const operation = chosen[next++];
        const name = `${operation.method} ${operation.path}`;
        const report = await fuzz(operation, numRuns);
        if (report && KNOWN_DEFECTS[name]) known.push(report);
        else if (report) failures.push(report);
        else if (KNOWN_DEFECTS[name]) failures.push(`${name}: listed as a known defect but did not fail; remove it from KNOWN_DEFECTS`);
      }
    };
    const started = Date.now();
    watch.start();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const { maxMs, p99Ms } = watch.stop();
    stats.ms = Date.now() - started;
    stats.maxDelayMs = maxMs;
    stats.p99DelayMs = p99Ms;
    if (known.length) console.log(`fuzz: known defects still failing:\n${known.join('\n\n')}`);
    expect(failures).toEqual([]);
    if (!only) expect(stats.requests).toBeGreaterThanOrEqual(5_000);
  }, 300_000);

  it(`never stalls the event loop over ${STALL_MS} ms during the run`, () => {
    expect(stats.maxDelayMs).toBeGreaterThan(0);
    // A stall while the process was mostly off the CPU is the machine's (other processes held both
    // cores), not the app's: logged, not failed. The app's own stalls fail, each with what was in flight.
    const starved = watch.stalls.filter((s) => s.ms >= STALL_MS && s.cpuMs < s.ms / 2);
    if (starved.length)
      console.log(`fuzz: ${starved.length} stall(s) over ${STALL_MS} ms with the process starved of CPU: ${JSON.stringify(starved)}`);
    expect(watch.busyStalls(STALL_MS)).toEqual([]);
    if (!starved.length) expect(stats.maxDelayMs).toBeLessThan(STALL_MS);
  });
});
