/**
 * SPEC §3: bad input gets a clear 4xx application/problem+json and changes nothing; no client input
 * ever causes a 500. For EVERY operation of the OpenAPI document, as anonymous, as the admin and as
 * a city user, this suite sends deterministic hostile requests (seeded generator: a failure
 * reproduces exactly) and checks each answer. Violations are collected and listed all at once.
 */
import { EventLog } from '@app/events';
import { TestServices } from '@app/testing';
import { appendFileSync } from 'node:fs';
import { io, type Socket } from 'socket.io-client';
import { createCityUser, type CityUser } from './support/city-users';
import {
  baselineObject,
  edgeValues,
  foreignContentTypes,
  HOSTILE_IDS,
  hostileQueries,
  INVALID_IDEMPOTENCY_KEYS,
  invalidValues,
  MALFORMED_JSON,
  operatorKeyBodies,
  prototypePollutionBodies,
  resolveSchema,
  Rng,
  WRONG_JSON_TYPES,
  type OpenApiDoc,
  type Operation,
  type Schema,
} from './support/hostile-input';
import { login, startApp, type RunningApp } from './support/test-app';

const SEED = 0x5eed2024;
const PROBLEM = /^application\/problem\+json/;
const CONCURRENCY = 8;
const JSON_CT = 'application/json';
/** The heavy cases send thousands of requests over ~70 operations: under a minute alone, more beside other suites. */
const HEAVY = 240_000;

type ActorName = 'anonymous' | 'admin' | 'city';
interface Actor {
  name: ActorName;
  token?: string;
}

/** What a case demands beyond the rules every answer must follow. */
interface Expect {
  /** Statuses allowed (401 for anonymous and 403 for a signed-in actor are always allowed besides). */
  statuses?: number[];
  /** A 400 must name these fields (exactly, or as the prefix of a nested field). */
  errorFields?: string[];
  /** A 2xx is a violation (the input was hostile and the route had to refuse it). */
  no2xx?: boolean;
}

interface Case {
  category: string;
  actor: Actor;
  method: string;
  /** Path and query after the origin, already encoded. */
  url: string;
  contentType?: string;
  body?: string;
  headers?: Record<string, string>;
  expect?: Expect;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: any;
}

interface Op {
  method: string;
  path: string;
  op: Operation;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  /** The JSON body schema, when the operation takes one. */
  bodySchema?: Schema;
  /** The operation takes a non-JSON body (CSV import). */
  otherBody?: string;
}

const snippet = (value: string | undefined, max = 160) =>
  value === undefined ? '' : value.length > max ? `${JSON.stringify(value.slice(0, max))}…(${value.length} chars)` : JSON.stringify(value);

describe('Robustness: hostile input on every route (SPEC §3)', () => {
  let services: TestServices;
  let running: RunningApp;
  let doc: OpenApiDoc;
  let ops: Op[];
  let actors: Actor[];
  let admin: Actor;
  let sevilla: CityUser;
  let lliria: CityUser;
  let projectId: string;
  let before: Awaited<ReturnType<typeof snapshot>>;
  const stats = { requests: 0, operations: 0, socketMessages: 0, byCategory: {} as Record<string, number> };

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    const adminToken = await login(running.api, 'admin@test.local', 'admin-password-1');
    sevilla = await createCityUser(running.api, adminToken, 'sevilla');
    lliria = await createCityUser(running.api, adminToken, 'lliria');
    admin = { name: 'admin', token: adminToken };
    actors = [{ name: 'anonymous' }, admin, { name: 'city', token: sevilla.token }];

    // A project led by Sevilla with Llíria invited: every partnership route has a real target.
    const project = await sevilla.api.post('/projects', {
      title: 'Robust music',
      summary: 'A project the hostile requests aim at',
      fields: ['music'],
      actionAreas: ['pilot-projects'],
      sectors: ['public'],
      sdgs: [11],
    });
    expect(project.status).toBe(201);
    projectId = project.body.id;
    expect((await sevilla.api.post(`/projects/${projectId}/invitations`, { cityId: lliria.cityId })).status).toBe(201);

    doc = (await (await fetch(`${running.origin}/docs-json`)).json()) as OpenApiDoc;
    ops = operationsOf(doc);
    stats.operations = ops.length;
    before = await snapshot();
  });

  afterAll(async () => {
    console.log(
      `robustness: ${stats.operations} operations, ${stats.requests} HTTP requests (${JSON.stringify(stats.byCategory)}), ${stats.socketMessages} Socket.IO messages`,
    );
    await running?.close();
    await services?.stop();
  });

  function operationsOf(openApi: OpenApiDoc): Op[] {
    const found: Op[] = [];
    for (const [path, methods] of Object.entries(openApi.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const params = op.parameters ?? [];
        const content = op.requestBody?.content ?? {};
        found.push({
          method: method.toUpperCase(),
          path,
          op,
          pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
          queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
          headerParams: params.filter((p) => p.in === 'header').map((p) => p.name),
          bodySchema: content[JSON_CT] ? resolveSchema(openApi, content[JSON_CT].schema) : undefined,
          otherBody: Object.keys(content).find((type) => type !== JSON_CT),
        });
      }
    }
    return found;
  }

  /** A real id for each path parameter, so that only the hostile part of a request is wrong. */
  function realParam(path: string, name: string): string {
    if (name === 'cityId') return lliria.cityId;
    if (path.startsWith('/api/v1/cities')) return sevilla.cityId;
    if (path.startsWith('/api/v1/projects')) return projectId;
    return '4b7c2a1e-0000-4000-a000-000000000000';
  }

  function urlOf(op: Op, override: Record<string, string> = {}, query = ''): string {
    const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => override[name] ?? encodeURIComponent(realParam(op.path, name)));
    return query ? `${path}?${query}` : path;
  }

  async function send(c: Case): Promise<Answer> {
    const headers: Record<string, string> = { ...c.headers };
    if (c.actor.token) headers.authorization = `Bearer ${c.actor.token}`;
    if (c.contentType !== undefined) headers['content-type'] = c.contentType;
    stats.requests++;
    stats.byCategory[c.category] = (stats.byCategory[c.category] ?? 0) + 1;
    const res = await fetch(running.origin + c.url, { method: c.method, headers, body: c.body, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
  }

  /** The rules every answer follows, then the case's own demands. Returns what is wrong, if anything. */
  function violations(c: Case, a: Answer): string[] {
    const wrong: string[] = [];
    if (a.status >= 500) wrong.push(`answered ${a.status}`);
    if (a.status >= 400 && a.status < 500 && c.method !== 'HEAD') {
      if (!PROBLEM.test(a.contentType)) wrong.push(`4xx with content-type "${a.contentType}"`);
      const p = a.json;
      if (
        !p ||
        typeof p !== 'object' ||
        typeof p.type !== 'string' ||
        typeof p.title !== 'string' ||
        p.status !== a.status ||
        typeof p.detail !== 'string' ||
        !p.detail
      ) {
        wrong.push('4xx body is not a problem with type, title, status, detail');
      }
      if (a.status === 400) {
        const errors = p?.errors;
        const wellFormed =
          Array.isArray(errors) && errors.length > 0 && errors.every((e: any) => typeof e?.field === 'string' && typeof e?.message === 'string');
        if (!wellFormed) wrong.push('400 without a non-empty errors array of {field, message}');
        for (const field of c.expect?.errorFields ?? []) {
          if (wellFormed && !errors.some((e: any) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`))) {
            wrong.push(`400 does not name the field "${field}"`);
          }
        }
      }
    }
    const allowed = c.expect?.statuses;
    const guardStatus = (a.status === 401 && c.actor.name === 'anonymous') || (a.status === 403 && c.actor.name !== 'anonymous');
    if (allowed && !allowed.includes(a.status) && !guardStatus) wrong.push(`status ${a.status}, expected ${allowed.join('|')}`);
    if (c.expect?.no2xx && a.status >= 200 && a.status < 300) wrong.push(`accepted (${a.status})`);
    return wrong;
  }

  /**
   * Sends every case (a few at a time) and returns the violations grouped by what went wrong where
   * (category, actor, method, route, status, reason), each with its count and one example.
   */
  async function run(cases: Case[]): Promise<string[]> {
    const groups = new Map<string, { count: number; example: string }>();
    const note = (c: Case, status: string, reason: string, example: string) => {
      const key = `[${c.category}] ${c.actor.name} ${c.method} ${routeOf(c.url)} → ${status}: ${reason}`;
      const group = groups.get(key) ?? { count: 0, example };
      group.count++;
      groups.set(key, group);
    };
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        let answer: Answer;
        try {
          answer = await send(c);
        } catch (error) {
          note(c, 'no answer', String(error), describeCase(c));
          continue;
        }
        for (const reason of violations(c, answer)) note(c, String(answer.status), reason, `${describeCase(c)} → ${snippet(answer.text, 240)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const lines = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, g]) => `${key} (×${g.count}) e.g. ${g.example}`);
    // ROBUSTNESS_REPORT=file appends every violation there, for reading outside Jest's diff.
    if (process.env.ROBUSTNESS_REPORT && lines.length) appendFileSync(process.env.ROBUSTNESS_REPORT, lines.join('\n') + '\n');
    return lines;
  }

  /** The documented path template a URL matches (violations are grouped by it). */
  function routeOf(url: string): string {
    const path = url.split('?')[0];
    const match = Object.keys(doc.paths)
      .sort((a, b) => b.length - a.length)
      .find((template) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
    return match ?? path.slice(0, 60);
  }

  const describeCase = (c: Case) =>
    `[${c.category}] ${c.actor.name} ${c.method} ${snippet(c.url, 120)}${c.contentType !== undefined ? ` (${c.contentType})` : ''}` +
    `${c.body !== undefined ? ` body=${snippet(c.body, 120)}` : ''}${c.headers ? ` headers=${snippet(JSON.stringify(c.headers), 80)}` : ''}`;

  /** The body a case sends when its hostile part is elsewhere (path, query, header). */
  function neutralBody(op: Op): Pick<Case, 'contentType' | 'body'> {
    if (op.bodySchema) return { contentType: JSON_CT, body: '{}' };
    if (op.otherBody === 'text/csv') return { contentType: 'text/csv', body: 'name,country,region,field,designationYear,lat,lng\n' };
    return {};
  }

  const signedIn = () => actors.filter((a) => a.name !== 'anonymous');
  const writes = (op: Op) => op.method !== 'GET';

  async function snapshot() {
    const [cities, projects, project, city, otherCity, timeline, prefs] = await Promise.all([
      running.api.get('/cities?limit=1'),
      running.api.get('/projects?limit=1'),
      running.api.get(`/projects/${projectId}`),
      running.api.get(`/cities/${sevilla.cityId}`),
      running.api.get(`/cities/${lliria.cityId}`),
      running.api.get(`/projects/${projectId}/timeline`),
      sevilla.api.get('/notifications/preferences'),
    ]);
    return {
      cities: cities.body.total,
      projects: projects.body.total,
      project: project.body,
      city: city.body,
      otherCity: otherCity.body,
      timeline: timeline.body.length,
      preferences: prefs.body,
      lastSeq: await running.app.get(EventLog).lastSeq(),
    };
  }

  it('finds every operation in the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThanOrEqual(30);
    expect(ops.filter((o) => o.bodySchema).length).toBeGreaterThanOrEqual(14);
  });

  it(
    'answers path parameters that are not ids with a 4xx problem',
    async () => {
      const cases: Case[] = [];
      for (const op of ops.filter((o) => o.pathParams.length)) {
        for (const name of op.pathParams) {
          for (const hostile of HOSTILE_IDS) {
            for (const actor of actors) {
              cases.push({
                category: 'path',
                actor,
                method: op.method,
                url: urlOf(op, { [name]: hostile.value }),
                ...neutralBody(op),
                expect: hostile.normalizes ? {} : { no2xx: true },
              });
            }
          }
        }
      }
      expect(await run(cases)).toEqual([]);
    },
    HEAVY,
  );

  it(
    'answers query strings with wrong types, arrays, brackets, operators and regex specials',
    async () => {
      const rng = new Rng(SEED + 1);
      const cases: Case[] = [];
      for (const op of ops) {
        const queries = hostileQueries(op.queryParams, rng);
        // Writes aim at an id that does not exist: a route that ignores its query string must still change nothing.
        const override = writes(op) ? Object.fromEntries(op.pathParams.map((p) => [p, rng.uuid()])) : {};
        for (const { query, kind, params = [] } of queries) {
          const attacked = params.filter((p) => op.queryParams.includes(p));
          const expectation: Expect =
            kind === 'reserved'
              ? { statuses: [400], errorFields: params }
              : kind === 'oversized'
                ? { statuses: [431] }
                : kind === 'invalid' && attacked.length
                  ? { statuses: [400], errorFields: attacked }
                  : kind === 'literal' && attacked.length
                    ? { statuses: [200] }
                    : {};
          for (const actor of actors) {
            cases.push({ category: 'query', actor, method: op.method, url: urlOf(op, override, query), ...neutralBody(op), expect: expectation });
          }
        }
        for (const header of op.headerParams) {
          for (const value of ['x'.repeat(10_000), '*;q=abc', 'es;q=1e309', ',,,;;;', 'es-ES;q=0.9,'.repeat(500), 'ñ', 'en;q=-1']) {
            cases.push({ category: 'header', actor: admin, method: op.method, url: urlOf(op), headers: { [header]: value } });
          }
        }
      }
      expect(await run(cases)).toEqual([]);
    },
    HEAVY,
  );

  it(
    'answers bodies of the wrong JSON type, malformed or empty JSON, and wrong field types with 400 naming the fields',
    async () => {
      const rng = new Rng(SEED + 2);
      const cases: Case[] = [];
      const refused = (extra: Expect = {}): Expect => ({ statuses: [400], no2xx: true, ...extra });
      for (const op of ops.filter((o) => o.bodySchema)) {
        const schema = op.bodySchema!;
        const props = Object.entries(schema.properties ?? {});
        const baseline = baselineObject(doc, schema);
        const url = urlOf(op);
        const json = (actor: Actor, body: string, expect: Expect, category = 'body') =>
          cases.push({ category, actor, method: op.method, url, contentType: JSON_CT, body, expect });
        for (const actor of actors) {
          for (const body of WRONG_JSON_TYPES) json(actor, body, refused(), 'body-type');
          for (const body of MALFORMED_JSON) json(actor, body, refused(), 'body-malformed');
          json(actor, '', refused(), 'body-empty');
          json(actor, '   ', refused(), 'body-empty');
          json(actor, JSON.stringify({ ...baseline, unknownField: 1 }), refused({ errorFields: ['unknownField'] }), 'body-unknown');
          // Every documented field wrong at once, a few seeded times: each one is named.
          for (let i = 0; i < (props.length ? 4 : 0); i++) {
            const body = Object.fromEntries(props.map(([name, prop]) => [name, rng.pick(invalidValues(doc, prop, rng))]));
            json(actor, JSON.stringify(body), refused({ errorFields: props.map(([name]) => name) }), 'body-all-wrong');
          }
        }
        // One field wrong, the others plausible (signed-in actors only: anonymous writes stop at the guard).
        for (const actor of signedIn()) {
          for (const [name, prop] of props) {
            for (const value of rng.sample(invalidValues(doc, prop, rng), 4)) {
              json(actor, JSON.stringify({ ...baseline, [name]: value }), refused({ errorFields: [name] }), 'body-one-wrong');
            }
          }
        }
      }
      expect(await run(cases)).toEqual([]);
    },
    HEAVY,
  );

  it('refuses $-keys and prototype-pollution keys in bodies, polluting nothing', async () => {
    const cases: Case[] = [];
    for (const op of ops.filter((o) => o.bodySchema)) {
      const baseline = baselineObject(doc, op.bodySchema!);
      const fields = Object.keys(op.bodySchema!.properties ?? {});
      for (const actor of actors) {
        for (const body of operatorKeyBodies(baseline, fields)) {
          cases.push({
            category: 'body-$',
            actor,
            method: op.method,
            url: urlOf(op),
            contentType: JSON_CT,
            body: JSON.stringify(body),
            expect: { statuses: [400], no2xx: true },
          });
        }
        for (const body of prototypePollutionBodies(fields[0])) {
          cases.push({
            category: 'body-proto',
            actor,
            method: op.method,
            url: urlOf(op),
            contentType: JSON_CT,
            body,
            expect: { statuses: [400], no2xx: true },
          });
        }
      }
    }
    expect(await run(cases)).toEqual([]);
    const probe: any = {};
    expect([probe.polluted, probe.role, (Object.prototype as any).polluted]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses content types a route does not take with 415 (or 400), and hostile CSV with 400', async () => {
    const cases: Case[] = [];
    for (const op of ops.filter((o) => o.bodySchema || o.otherBody)) {
      const baselineJson = JSON.stringify(op.bodySchema ? baselineObject(doc, op.bodySchema) : {});
      for (const actor of actors) {
        for (const { contentType, body } of foreignContentTypes(baselineJson)) {
          if (contentType.split(';')[0] === op.otherBody) continue;
          cases.push({
            category: 'content-type',
            actor,
            method: op.method,
            url: urlOf(op),
            contentType,
            body,
            expect: { statuses: [400, 415], no2xx: true },
          });
        }
        // A body with no content type at all (fetch would add text/plain; an empty header is "none").
        cases.push({
          category: 'content-type',
          actor,
          method: op.method,
          url: urlOf(op),
          contentType: '',
          body: baselineJson,
          expect: { statuses: [400, 415], no2xx: true },
        });
        if (op.otherBody) {
          cases.push({
            category: 'content-type',
            actor,
            method: op.method,
            url: urlOf(op),
            contentType: JSON_CT,
            body: baselineJson,
            expect: { statuses: [400, 415], no2xx: true },
          });
        }
      }
      if (op.otherBody === 'text/csv') {
        const header = 'name,country,region,field,designationYear,lat,lng';
        const csvs = [
          '',
          '\n\n\n',
          'garbage',
          header,
          `${header}\n"unterminated,ES,europe-north-america,music,2019,1,1`,
          `${header}\n${'a,'.repeat(5000)}`,
          `${header}\nX,ES,europe-north-america,music,2019,999,-999`,
          `${header}\nX,ES,europe-north-america,music,2024-02-30,1e309,NaN`,
          `${header}\n$where,{"$gt":""},__proto__,constructor,1e309,,`,
          `\uFEFF${header}\r\nX\u0000,ES,europe-north-america,music,2019,,`,
          `${header}\n${'Y'.repeat(100_000)},ES,europe-north-america,music,2019,,`,
          `name;country\nX;ES`,
        ];
        for (const body of csvs) {
          cases.push({
            category: 'csv',
            actor: admin,
            method: op.method,
            url: urlOf(op),
            contentType: 'text/csv',
            body,
            expect: { statuses: [400], no2xx: true },
          });
          cases.push({
            category: 'csv',
            actor: admin,
            method: op.method,
            url: urlOf(op, {}, 'partial=true'),
            contentType: 'text/csv; charset=utf-8',
            body,
          });
        }
      }
    }
    expect(await run(cases)).toEqual([]);
  });

  it('refuses invalid Idempotency-Key values with 400 naming the header', async () => {
    const cases: Case[] = [];
    for (const op of ops.filter((o) => o.method === 'POST')) {
      for (const actor of actors) {
        for (const key of INVALID_IDEMPOTENCY_KEYS) {
          cases.push({
            category: 'idempotency',
            actor,
            method: op.method,
            url: urlOf(op),
            ...neutralBody(op),
            headers: { 'Idempotency-Key': key },
            expect: { statuses: [400], errorFields: ['Idempotency-Key'], no2xx: true },
          });
        }
      }
    }
    expect(await run(cases)).toEqual([]);
  });

  it('answers hostile Authorization headers and undocumented methods with a 4xx problem', async () => {
    const tokens = [
      'Bearer ' + 'x'.repeat(10_000),
      'Bearer a.b.c',
      `Bearer ${admin.token}x`,
      'Basic YWRtaW46YWRtaW4=',
      'Bearer',
      'Bearer  ',
      'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.',
    ];
    const cases: Case[] = [];
    for (const op of ops) {
      for (const authorization of tokens) {
        // Operations endpoints (/health) ignore credentials; every API route checks a token when one is sent.
        const expectation: Expect = op.path.startsWith('/api/') ? { statuses: [400, 401], no2xx: true } : {};
        cases.push({
          category: 'authorization',
          actor: { name: 'anonymous' },
          method: op.method,
          url: urlOf(op),
          ...neutralBody(op),
          headers: { authorization },
          expect: expectation,
        });
      }
    }
    for (const path of Object.keys(doc.paths)) {
      for (const method of ['DELETE', 'PUT', 'PATCH', 'POST'].filter((m) => !doc.paths[path][m.toLowerCase()])) {
        cases.push({
          category: 'method',
          actor: admin,
          method,
          url: urlOf({ path } as Op),
          contentType: JSON_CT,
          body: '{}',
          expect: { statuses: [404, 405] },
        });
      }
    }
    expect(await run(cases)).toEqual([]);
  });

  it('changed nothing with all those rejected requests', async () => {
    expect(await snapshot()).toEqual(before);
  });

  it('changes nothing on a rejected write (totals, the project, the city, the event log)', async () => {
    const rejected: [string, () => Promise<{ status: number }>][] = [
      [
        'POST /cities with a numeric name',
        () =>
          running.api
            .as(admin.token)
            .post('/cities', { name: 42, country: 'ES', region: 'europe-north-america', field: 'music', designationYear: 2019 }),
      ],
      [
        'POST /projects with a $-key',
        () =>
          sevilla.api.post('/projects', {
            title: 'X',
            summary: 'Y',
            fields: ['music'],
            actionAreas: ['research'],
            sectors: ['public'],
            sdgs: [11],
            description: { $gt: '' },
          }),
      ],
      [
        'PATCH /projects/:id with version "1"',
        () => sevilla.api.patch(`/projects/${projectId}`, { title: 'Hijacked', version: String(before.project.version) }),
      ],
      ['PATCH /cities/:id with an array website', () => sevilla.api.patch(`/cities/${sevilla.cityId}`, { website: ['https://evil.example'] })],
      [
        'POST invitations with __proto__',
        () => sevilla.api.request('POST', `/projects/${projectId}/invitations`, `{"cityId":"${lliria.cityId}","__proto__":{"x":1}}`),
      ],
      [
        'POST accept as text/plain',
        () => lliria.api.request('POST', `/projects/${projectId}/invitations/${lliria.cityId}/accept`, '{}', { 'content-type': 'text/plain' }),
      ],
      ['POST accept with a null body', () => lliria.api.request('POST', `/projects/${projectId}/invitations/${lliria.cityId}/accept`, 'null')],
      ['POST decline with an array body', () => lliria.api.request('POST', `/projects/${projectId}/invitations/${lliria.cityId}/decline`, '[]')],
      [
        'POST accept as admin with an array body',
        () => running.api.as(admin.token).request('POST', `/projects/${projectId}/invitations/${lliria.cityId}/accept`, '[]'),
      ],
      [
        'POST accept with an empty form body',
        () =>
          lliria.api.request('POST', `/projects/${projectId}/invitations/${lliria.cityId}/accept`, '', {
            'content-type': 'application/x-www-form-urlencoded',
          }),
      ],
      [
        'POST accept with a constructor key',
        () => lliria.api.request('POST', `/projects/${projectId}/invitations/${lliria.cityId}/accept`, '{"constructor":{"name":"x"}}'),
      ],
      ['POST start with a prototype key', () => sevilla.api.request('POST', `/projects/${projectId}/start`, '{"prototype":{"polluted":true}}')],
      ['POST start as text/csv', () => sevilla.api.request('POST', `/projects/${projectId}/start`, 'a,b\n1,2\n', { 'content-type': 'text/csv' })],
      ['PATCH /cities/:id with a null body', () => sevilla.api.request('PATCH', `/cities/${sevilla.cityId}`, 'null')],
      [
        'POST /cities/import with a NUL byte in a name',
        () =>
          running.api
            .as(admin.token)
            .request(
              'POST',
              '/cities/import',
              'name,country,region,field,designationYear,lat,lng\nNul\u0000City,PT,europe-north-america,music,2019,,\n',
              { 'content-type': 'text/csv' },
            ),
      ],
      ['POST cancel with a reason object', () => sevilla.api.post(`/projects/${projectId}/cancel`, { reason: { text: 'x' } })],
      [
        'PUT preferences with mutedTypes a string',
        () => sevilla.api.put('/notifications/preferences', { email: 'daily', mutedTypes: 'PartnerInvited' }),
      ],
      [
        'POST /cities/import with one bad row',
        () =>
          running.api
            .as(admin.token)
            .request(
              'POST',
              '/cities/import',
              'name,country,region,field,designationYear,lat,lng\nNova,PT,europe-north-america,music,2019,,\nBad,XX,nowhere,music,1900,,\n',
              { 'content-type': 'text/csv' },
            ),
      ],
      [
        'POST /users with role ["admin"]',
        () => running.api.as(admin.token).post('/users', { email: 'array.role@test.local', password: 'long-enough-1', name: 'A', role: ['admin'] }),
      ],
    ];
    const failures: string[] = [];
    let previous = await snapshot();
    for (const [name, attempt] of rejected) {
      const res = await attempt();
      const after = await snapshot();
      if (res.status < 400 || res.status >= 500) failures.push(`${name}: answered ${res.status}`);
      if (JSON.stringify(after) !== JSON.stringify(previous)) failures.push(`${name}: changed state`);
      previous = after;
    }
    expect(failures).toEqual([]);
    expect((await running.api.post('/auth/login', { email: 'array.role@test.local', password: 'long-enough-1' })).status).toBe(401);
  });

  it(
    'never fails on edge values (huge numbers, odd dates, unicode, nulls) in any field',
    async () => {
      // May be valid or not (so these may change state: this runs after the no-change checks).
      const rng = new Rng(SEED + 3);
      const cases: Case[] = [];
      for (const op of ops.filter((o) => o.bodySchema?.properties)) {
        const baseline = baselineObject(doc, op.bodySchema!);
        for (const [name, prop] of Object.entries(op.bodySchema!.properties!)) {
          for (const value of rng.sample(edgeValues(doc, prop, rng), 6)) {
            for (const actor of signedIn()) {
              cases.push({
                category: 'edge',
                actor,
                method: op.method,
                url: urlOf(op),
                contentType: JSON_CT,
                body: JSON.stringify({ ...baseline, [name]: value }),
              });
            }
          }
        }
      }
      // Spreadsheet-formula names are plain text to this API (no CSV export): imported or refused, never a failure.
      const csvImport = ops.find((o) => o.otherBody === 'text/csv');
      for (const name of ["=cmd|'/C calc'!A0", '+1+1', '@SUM(1)', '-2']) {
        cases.push({
          category: 'edge',
          actor: admin,
          method: 'POST',
          url: urlOf(csvImport!),
          contentType: 'text/csv',
          body: `name,country,region,field,designationYear,lat,lng\n${name},ES,europe-north-america,music,2019,,`,
        });
      }
      expect(await run(cases)).toEqual([]);
    },
    HEAVY,
  );

  describe('Socket.IO /live', () => {
    function connect(auth: unknown): Promise<Socket> {
      const socket = io(`${running.origin}/live`, {
        auth: auth as Record<string, unknown>,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (error) => {
          socket.close();
          reject(error);
        });
      });
    }

    /** `{projectId}` alone, a non-blank string of at most 64 characters: what unwatch takes. */
    function isWellFormedId(payload: unknown): boolean {
      if (!payload || typeof payload !== 'object' || Array.isArray(payload) || Buffer.isBuffer(payload)) return false;
      const keys = Object.keys(payload);
      const id = (payload as { projectId?: unknown }).projectId;
      return keys.length === 1 && keys[0] === 'projectId' && typeof id === 'string' && id.trim().length > 0 && id.trim().length <= 64;
    }

    function deep(depth: number): unknown {
      let value: unknown = { projectId: 'x' };
      for (let i = 0; i < depth; i++) value = { projectId: value };
      return value;
    }

    const hostilePayloads = (rng: Rng): unknown[] => [
      undefined,
      null,
      'a string',
      42,
      true,
      [],
      [{ projectId: 'x' }],
      {},
      { projectId: 123 },
      { projectId: null },
      { projectId: '' },
      { projectId: '   ' },
      { projectId: { $gt: '' } },
      { projectId: ['a', 'b'] },
      { projectId: 'x'.repeat(10_000) },
      { projectId: '\u0000' },
      { projectId: '../../etc/passwd' },
      { projectId: rng.text(40) },
      { projectId: rng.uuid() },
      { projectId: 'p', sinceSeq: -1 },
      { projectId: 'p', sinceSeq: 'abc' },
      { projectId: 'p', sinceSeq: 1.5 },
      { projectId: 'p', sinceSeq: 1e308 },
      { projectId: 'p', sinceSeq: { $gt: 0 } },
      { projectId: 'p', extra: true },
      { $where: '1' },
      JSON.parse('{"__proto__":{"polluted":true},"projectId":"x"}'),
      JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
      deep(2000),
      Buffer.from('binary'),
      { projectId: Buffer.from('binary') },
    ];

    it('refuses hostile handshakes with connect_error "unauthorized"', async () => {
      for (const auth of [
        {},
        { token: 123 },
        { token: { $gt: '' } },
        { token: 'x'.repeat(100_000) },
        { token: ['a'] },
        { token: null },
        { token: 'Bearer a.b.c' },
      ]) {
        stats.socketMessages++;
        await expect(connect(auth)).rejects.toMatchObject({ message: 'unauthorized' });
      }
    });

    it('acks hostile project:watch / project:unwatch payloads with {ok:false, error} and stays connected', async () => {
      const rng = new Rng(SEED + 4);
      const sockets = [await connect({ token: sevilla.token }), await connect({ token: admin.token })];
      const failures: string[] = [];
      try {
        for (const socket of sockets) {
          for (const message of ['project:watch', 'project:unwatch']) {
            for (const payload of hostilePayloads(rng)) {
              stats.socketMessages++;
              const label = `${message} ${snippet(JSON.stringify(payload) ?? String(payload), 80)}`;
              let ack: any;
              try {
                ack = await socket.timeout(5000).emitWithAck(message, payload);
              } catch (error) {
                failures.push(`${label}: no ack (${String(error)})`);
                continue;
              }
              // Leaving a room one is not in is harmless: unwatch of any well-formed id may answer ok.
              const wellFormedUnwatch = message === 'project:unwatch' && isWellFormedId(payload);
              const refused = ack?.ok === false && typeof ack.error === 'string' && ack.error.length > 0;
              if (!refused && !(wellFormedUnwatch && ack?.ok === true)) failures.push(`${label}: ack ${snippet(JSON.stringify(ack), 200)}`);
              if (!socket.connected) failures.push(`${label}: the socket was disconnected`);
            }
            // Extra arguments and no acknowledgement at all must not break the socket either.
            socket.emit(message, { projectId: projectId }, 'extra', 42);
            socket.emit(message, 'no ack');
            stats.socketMessages += 2;
          }
          // Still alive and serving: a valid watch works.
          const ok = await socket.timeout(5000).emitWithAck('project:watch', { projectId, sinceSeq: 0 });
          expect(ok).toMatchObject({ ok: true, missed: expect.any(Array) });
          expect(socket.connected).toBe(true);
        }
      } finally {
        sockets.forEach((s) => s.close());
      }
      expect(failures).toEqual([]);
      expect(({} as any).polluted).toBeUndefined();
    });

    it('drops only the sender of an oversized message; the server keeps serving', async () => {
      const [big, bystander] = [await connect({ token: sevilla.token }), await connect({ token: lliria.token })];
      try {
        const closed = new Promise<void>((resolve) => big.once('disconnect', () => resolve()));
        big.emit('project:watch', { projectId: 'x'.repeat(2 * 1024 * 1024) });
        stats.socketMessages++;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, 3000)))]);
        clearTimeout(timer);
        const ack = await bystander.timeout(5000).emitWithAck('project:watch', { projectId });
        expect(ack).toMatchObject({ ok: true });
        expect((await fetch(`${running.origin}/health`)).status).toBe(200);
      } finally {
        big.close();
        bystander.close();
      }
    });
  });
});
