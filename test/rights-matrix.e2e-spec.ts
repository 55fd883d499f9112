/**
 * The rights matrix (issue #13): every operation of the OpenAPI document has a row in
 * test/support/rights-matrix.ts saying who may call it, and each row is checked for real against
 * a world built through the API. The refusals run first (they change nothing), then the allowed
 * actors (whose calls may change state, but rights are checked before state rules).
 */
import { TestServices } from '@app/testing';
import { buildWorld, type World } from './support/fixtures';
import { openApiDocument } from './support/openapi';
import { RIGHTS, type Call, type Right } from './support/rights-matrix';
import { startApp, type RunningApp } from './support/test-app';

type Actor = 'anonymous' | 'admin' | 'a' | 'b' | 'c';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const rows = Object.entries(RIGHTS);

describe('Rights matrix: who may call each operation', () => {
  let services: TestServices;
  let running: RunningApp;
  let world: World;
  let documented: string[];
  /** The response statuses the document lists, by operation. */
  let responses: Record<string, string[]>;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    world = await buildWorld(running);
    const doc = await openApiDocument(running.origin);
    responses = Object.fromEntries(
      Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>).flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([m]) => METHODS.includes(m))
          .map(([m, op]) => [`${m.toUpperCase()} ${path}`, Object.keys(op.responses)]),
      ),
    );
    documented = Object.keys(responses);
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  const tokenOf = (actor: Actor): string | undefined =>
    actor === 'anonymous' ? undefined : actor === 'admin' ? world.adminToken : world[actor].token;

  /** Sends `call` to the operation as `actor`; returns the status (and the body, for failure messages). */
  async function send(operation: string, call: Call, actor: Actor): Promise<{ status: number; detail: string }> {
    const [method, template] = operation.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(call.params?.[name] ?? 'missing-param'));
    const headers: Record<string, string> = {};
    const token = tokenOf(actor);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (call.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      body = call.csv;
    } else if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    const res = await fetch(`${running.origin}${path}${call.query ? `?${call.query}` : ''}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, detail: `${operation} as ${actor} → ${res.status} ${text.slice(0, 300)}` };
  }

  it('has a row for every documented operation, and no row for an operation that no longer exists', () => {
    const missing = documented.filter((op) => !(op in RIGHTS));
    const stale = Object.keys(RIGHTS).filter((op) => !documented.includes(op));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(documented.length).toBeGreaterThanOrEqual(60);
  });

  it('matches the document: each refusal of a row is among the responses its operation documents', () => {
    const undocumented = rows.flatMap(([operation, right]) => {
      const refusals = new Set<number>();
      if (right.access !== 'public') refusals.add(401);
      if (right.access === 'city-member' || right.access === 'admin') refusals.add(right.outsider ?? 403);
      if (right.access === 'city-user' || right.admin) refusals.add(right.admin ?? 403);
      return [...refusals].filter((status) => !responses[operation]?.includes(String(status))).map((status) => `${operation}: ${status}`);
    });
    expect(undocumented).toEqual([]);
  });

  describe('refuses', () => {
    it.each(rows.filter(([, r]) => r.access !== 'public'))('%s: anonymous is answered 401', async (operation, right) => {
      const res = await send(operation, right.call(world), 'anonymous');
      expect({ status: res.status, detail: res.detail }).toEqual({ status: 401, detail: res.detail });
    });

    it.each(rows.filter(([, r]) => r.access === 'city-member' || r.access === 'admin'))(
      '%s: a user of an unrelated city is refused',
      async (operation, right) => {
        const res = await send(operation, right.call(world), 'c');
        expect({ status: res.status, detail: res.detail }).toEqual({ status: right.outsider ?? 403, detail: res.detail });
      },
    );

    it.each(rows.filter(([, r]) => r.access === 'city-user'))('%s: an admin without a city is refused', async (operation, right) => {
      const res = await send(operation, (right.adminCall ?? right.call)(world), 'admin');
      expect({ status: res.status, detail: res.detail }).toEqual({ status: right.admin ?? 403, detail: res.detail });
    });
  });

  describe('admits', () => {
    /** The actors a row allows, each with the request it sends. */
    function allowed(right: Right): [Actor, Call][] {
      const asAdmin: [Actor, Call] = ['admin', (right.adminCall ?? right.call)(world)];
      switch (right.access) {
        case 'public':
          return [
            ['anonymous', right.call(world)],
            ['c', right.call(world)],
          ];
        case 'signed-in':
          return [['c', right.call(world)], asAdmin];
        case 'city-user':
          return [['c', right.call(world)]];
        case 'city-member':
          return [...right.members!.map((m): [Actor, Call] => [m, right.call(world)]), ...(right.admin ? [] : [asAdmin])];
        case 'admin':
          return [asAdmin];
      }
    }

    it.each(rows)('%s: every allowed actor gets past the rights checks (never 401/403, nor 5xx)', async (operation, right) => {
      const wrong: string[] = [];
      for (const [actor, call] of allowed(right)) {
        const res = await send(operation, call, actor);
        if (res.status === 401 || res.status === 403 || res.status >= 500) wrong.push(res.detail);
      }
      if (right.access === 'city-member' && right.admin) {
        const res = await send(operation, right.call(world), 'admin');
        if (res.status !== right.admin) wrong.push(`${res.detail} (expected ${right.admin})`);
      }
      expect(wrong).toEqual([]);
    });
  });
});
