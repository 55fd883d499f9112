import { ApiClient, TestServices, waitFor } from '@app/testing';
import { JwtService } from '@nestjs/jwt';
import { spawnSync } from 'node:child_process';
import { EventLog } from '@app/events';
import { createCityUser } from './support/city-users';
import { login, RunningApp, startApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('Platform foundation (HTTP)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let adminToken: string;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services, { LOGIN_THROTTLE_LIMIT: '5' });
    api = running.api;
    adminToken = await login(api, 'admin@test.local', 'admin-password-1');
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  it('serves readiness with MongoDB and Redis up', async () => {
    const res = await fetch(`${running.origin}/health`);
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body.info.mongodb.status).toBe('up');
    expect(body.info.redis.status).toBe('up');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const doc: any = await (await fetch(`${running.origin}/docs-json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/users']));
    expect(doc.paths['/api/v1/users'].post.responses['403']).toBeDefined();
    const ui = await fetch(`${running.origin}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('exposes Prometheus metrics with the HTTP latency histogram by route', async () => {
    const text = await (await fetch(`${running.origin}/metrics`)).text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/auth\/login"/);
  });

  it('logs in the bootstrap admin and answers /auth/me', async () => {
    const me = await api.as(adminToken).get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'admin@test.local', role: 'admin', cityId: null, version: 1 });
    expect(me.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses a wrong password with 401 problem+json', async () => {
    const res = await api.post('/auth/login', { email: 'admin@test.local', password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized', type: expect.any(String), detail: expect.any(String) });
  });

  it('refuses a missing, malformed and expired token with 401', async () => {
    expect((await api.get('/auth/me')).status).toBe(401);
    expect((await api.as('not-a-jwt').get('/auth/me')).status).toBe(401);
    const expired = new JwtService({ secret: services.env().JWT_SECRET }).sign({
      sub: 'x',
      email: 'a@b.c',
      name: 'x',
      role: 'admin',
      cityId: null,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const res = await api.as(expired).get('/auth/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
  });

  it('answers 401 to an anonymous write', async () => {
    const res = await api.post('/users', { email: 'x@y.z', password: 'long-enough-1', name: 'X', role: 'admin' });
    expect(res.status).toBe(401);
  });

  it('rejects unknown fields with a per-field errors array, changing nothing', async () => {
    const res = await api
      .as(adminToken)
      .post('/users', { email: 'u1@test.local', password: 'long-enough-1', name: 'U', role: 'admin', isRoot: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'isRoot', message: expect.stringContaining('should not exist') }]);
    // Nothing was created: the user cannot log in.
    expect((await api.post('/auth/login', { email: 'u1@test.local', password: 'long-enough-1' })).status).toBe(401);
  });

  it('answers 403 to a city user on an admin route', async () => {
    const sevilla = await createCityUser(api, adminToken, 'sevilla');
    const res = await sevilla.api.post('/users', { email: 'x@test.local', password: 'long-enough-1', name: 'X', role: 'admin' });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    const me = await sevilla.api.get('/auth/me');
    expect(me.body).toMatchObject({ role: 'city', cityId: sevilla.cityId });
  });

  it('carries the request id into the events a command causes', async () => {
    const res = await api
      .as(adminToken)
      .post(
        '/cities',
        { name: 'Porto Alegre', country: 'BR', region: 'latin-america-caribbean', field: 'music', designationYear: 2017 },
        { 'X-Request-Id': 'req-correlation-42' },
      );
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe('req-correlation-42');
    const [event] = await running.app.get(EventLog).listForAggregate('city', res.body.id);
    expect(event).toMatchObject({ type: 'CityRegistered', correlationId: 'req-correlation-42', actor: { userId: expect.any(String), cityId: null } });
  });

  it('reports not ready (503) while Redis is down, and ready again when it returns', async () => {
    if (!services.redis) return; // REDIS_URL given: the harness does not own that server
    const port = services.redis.port;
    await services.redis.stop();
    try {
      const down = await fetch(`${running.origin}/health`);
      expect(down.status).toBe(503);
      const body: any = await down.json();
      expect(body.checks.redis.status).toBe('down');
      expect(body.checks.mongodb.status).toBe('up');
    } finally {
      await services.redis.start(port);
    }
    await waitFor('health to recover', async () => (await fetch(`${running.origin}/health`)).status === 200, 10_000);
  });

  it('rejects $-keys anywhere in the body or query', async () => {
    const body = await api.post('/auth/login', { email: { $gt: '' }, password: 'x' });
    expect(body.status).toBe(400);
    expect(body.body.errors).toEqual([{ field: 'email.$gt', message: expect.stringContaining('"$"') }]);
    const query = await api.get('/auth/me?$where=1');
    expect(query.status).toBe(400);
  });

  it('rejects invalid field values with one error per field', async () => {
    const res = await api.as(adminToken).post('/users', { email: 'not-an-email', password: 'short', name: '', role: 'king' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('answers malformed JSON with 400 and a body over 1 MB with 413', async () => {
    const bad = await api.request('POST', '/auth/login', '{"email": ');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(PROBLEM);
    expect(bad.body.detail).toMatch(/not valid JSON/);
    const big = await api.as(adminToken).post('/users', { email: 'big@test.local', password: 'x'.repeat(2 * 1024 * 1024), name: 'B', role: 'admin' });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(PROBLEM);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await api.get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
  });

  it('lets only an admin create users, and a duplicate e-mail is 409', async () => {
    const input = { email: 'Second.Admin@test.local', password: 'long-enough-1', name: 'Second', role: 'admin' };
    const created = await api.as(adminToken).post('/users', input);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'second.admin@test.local', role: 'admin' });
    expect(created.body.passwordHash).toBeUndefined();
    const again = await api.as(adminToken).post('/users', input);
    expect(again.status).toBe(409);
    // A city user needs an existing city.
    const orphan = await api
      .as(adminToken)
      .post('/users', { email: 'c@test.local', password: 'long-enough-1', name: 'C', role: 'city', cityId: 'nope' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.errors[0].field).toBe('cityId');
  });

  it('replays a POST with the same Idempotency-Key and refuses the key for another body', async () => {
    const input = { email: 'idem@test.local', password: 'long-enough-1', name: 'Idem', role: 'admin' };
    const headers = { 'Idempotency-Key': 'create-idem-1' };
    const [a, b] = [await api.as(adminToken).post('/users', input, headers), await api.as(adminToken).post('/users', input, headers)];
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    const other = await api.as(adminToken).post('/users', { ...input, email: 'idem2@test.local' }, headers);
    expect(other.status).toBe(409);
  });

  it('does not replay or store anonymous requests (keys are per user)', async () => {
    const headers = { 'Idempotency-Key': 'anon-login-1' };
    const first = await api.post('/auth/login', { email: 'admin@test.local', password: 'admin-password-1' }, headers);
    const second = await api.post('/auth/login', { email: 'admin@test.local', password: 'wrong' }, headers);
    expect(first.status).toBe(200);
    // Not the first answer replayed: the wrong password is refused (401, or 429 once throttled).
    expect([401, 429]).toContain(second.status);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
  });

  it('lets one of two concurrent requests with one key run, never both', async () => {
    const input = { email: 'race@test.local', password: 'long-enough-1', name: 'Race', role: 'admin' };
    const headers = { 'Idempotency-Key': 'race-1' };
    const results = await Promise.all([1, 2, 3].map(() => api.as(adminToken).post('/users', input, headers)));
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
  });

  it('throttles logins with 429 and Retry-After', async () => {
    let last;
    for (let i = 0; i < 7; i++) last = await api.post('/auth/login', { email: 'someone@test.local', password: 'wrong' });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('content-type')).toMatch(PROBLEM);
  });
});

describe('Start-up configuration', () => {
  it('refuses to start in production without secrets, naming them', () => {
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
      cwd: `${__dirname}/..`,
      env: { PATH: process.env.PATH, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('JWT_SECRET: is required when NODE_ENV=production');
    expect(result.stderr).toContain('MONGODB_URI');
    expect(result.stderr).toContain('REDIS_URL');
  });
});
