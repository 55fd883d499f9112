import { ApiClient, ApiResponse, TestServices } from '@app/testing';
import { API_PREFIX, createApp } from '../src/bootstrap/create-app';
import { AppConfig } from '../src/config/app-config';
import { login, RunningApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const WRONG = 'not the password at all';

/**
 * Security hardening (issue #13): the login throttle cannot be reset by a forged X-Forwarded-For,
 * failed logins are also counted per account and shared by every instance through Redis, the JWT
 * secret generated in development is shared through the database, and /metrics takes a token.
 */
describe('Hardening: authentication (HTTP)', () => {
  let services: TestServices;
  const running: RunningApp[] = [];

  beforeAll(async () => {
    services = await TestServices.start();
  });

  afterAll(async () => {
    await Promise.all(running.map((r) => r.close()));
    await services?.stop();
  });

  /**
   * An app instance, started as test/support/test-app.ts does but from an environment this file
   * controls (so a setting can be left out); instances of one `scope` share their database and
   * Redis keys, as a deployment's instances do.
   */
  async function start(scope: string, env: Record<string, string> = {}, drop: string[] = []): Promise<RunningApp> {
    const full = services.env({ MONGODB_URI: services.mongoUri(`_${scope}`), REDIS_KEY_PREFIX: `${services.redisPrefix}:${scope}`, ...env });
    for (const key of drop) delete full[key];
    const config = AppConfig.load(full);
    const app = await createApp(config, { workers: config.env.RUN_WORKERS });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const started = { app, origin, api: new ApiClient(`${origin}/${API_PREFIX}`), close: () => app.close() };
    running.push(started);
    return started;
  }

  const attempt = (api: ApiClient, email: string, password = WRONG, from?: string) =>
    api.post('/auth/login', { email, password }, from ? { 'X-Forwarded-For': from } : {});

  const expectTooMany = (res: ApiResponse) => {
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ status: 429, title: 'Too many requests' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  };

  describe('per-address throttle (LOGIN_THROTTLE_LIMIT=3)', () => {
    it('is not reset by a forged X-Forwarded-For when TRUST_PROXY is not set, and is shared by two instances', async () => {
      const a = await start('off', { LOGIN_THROTTLE_LIMIT: '3', LOGIN_ACCOUNT_LIMIT: '1000' });
      const b = await start('off', { LOGIN_THROTTLE_LIMIT: '3', LOGIN_ACCOUNT_LIMIT: '1000' });
      expect((await attempt(a.api, 'x1@test.local', WRONG, '203.0.113.1')).status).toBe(401);
      expect((await attempt(b.api, 'x2@test.local', WRONG, '203.0.113.2')).status).toBe(401);
      expect((await attempt(a.api, 'x3@test.local', WRONG, '203.0.113.3')).status).toBe(401);
      expectTooMany(await attempt(b.api, 'x4@test.local', WRONG, '203.0.113.4'));
      expectTooMany(await attempt(a.api, 'x5@test.local', WRONG, '198.51.100.77, 203.0.113.5'));
    });

    it('honours X-Forwarded-For from a proxy named by TRUST_PROXY', async () => {
      const app = await start('on', { LOGIN_THROTTLE_LIMIT: '3', LOGIN_ACCOUNT_LIMIT: '1000', TRUST_PROXY: '127.0.0.1' });
      for (let i = 0; i < 3; i++) expect((await attempt(app.api, `y${i}@test.local`, WRONG, '203.0.113.10')).status).toBe(401);
      expectTooMany(await attempt(app.api, 'y9@test.local', WRONG, '203.0.113.10'));
      expect((await attempt(app.api, 'y9@test.local', WRONG, '203.0.113.11')).status).toBe(401);
    });
  });

  describe('per-account limit (LOGIN_ACCOUNT_LIMIT=5, two instances behind a trusted proxy)', () => {
    let a: RunningApp;
    let b: RunningApp;
    let admin: ApiClient;

    beforeAll(async () => {
      const env = { TRUST_PROXY: '127.0.0.1' };
      a = await start('accounts', env);
      b = await start('accounts', env);
      admin = a.api.as(await login(a.api, 'admin@test.local', 'admin-password-1'));
      for (const email of ['victim@test.local', 'bystander@test.local', 'known@test.local', 'owner@test.local']) {
        expect((await admin.post('/users', { email, password: 'the right passphrase', name: email, role: 'admin' })).status).toBe(201);
      }
    });

    it('holds an account after 5 failures from different addresses on different instances, with 429 problem+json and Retry-After', async () => {
      const froms = ['203.0.113.21', '203.0.113.22'];
      for (let i = 0; i < 5; i++) {
        expect((await attempt(i % 2 ? b.api : a.api, 'victim@test.local', WRONG, froms[i % 2])).status).toBe(401);
      }
      const held = await attempt(a.api, 'Victim@Test.local', WRONG, '203.0.113.23');
      expectTooMany(held);
      // The 5 s hold started at the fifth failure: what is left of it, in whole seconds (a loaded machine may take a second between).
      const retryAfter = Number(held.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(4);
      expect(retryAfter).toBeLessThanOrEqual(5);
      expect(held.body.detail).toBe(`Too many failed sign-ins for this account; try again in ${retryAfter} seconds.`);
      // The right password is not even tried while the account is held, on either instance.
      expectTooMany(await attempt(b.api, 'victim@test.local', 'the right passphrase', '203.0.113.24'));
      // Other accounts are not affected.
      expect((await attempt(b.api, 'bystander@test.local', 'the right passphrase', '203.0.113.21')).status).toBe(200);
    });

    it('answers an unknown e-mail exactly as a known one, held or not', async () => {
      const run = async (email: string) => {
        const answers = [];
        for (let i = 0; i < 7; i++) {
          const res = await attempt(i % 2 ? b.api : a.api, email, WRONG, `203.0.113.${30 + i}`);
          const { requestId: _id, instance: _instance, ...body } = res.body;
          answers.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body });
        }
        return answers;
      };
      const known = await run('known@test.local');
      const unknown = await run('nobody-at-all@test.local');
      expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 401, 429, 429]);
      expect(unknown).toEqual(known);
    });

    it('clears the count on a successful login', async () => {
      const email = 'owner@test.local';
      for (let i = 0; i < 4; i++) expect((await attempt(a.api, email, WRONG, '203.0.113.40')).status).toBe(401);
      expect((await attempt(b.api, email, 'the right passphrase', '198.51.100.5')).status).toBe(200);
      // Counting starts again: 5 more failures before the account is held.
      for (let i = 0; i < 5; i++) expect((await attempt(i % 2 ? a.api : b.api, email, WRONG, '203.0.113.41')).status).toBe(401);
      expectTooMany(await attempt(a.api, email, WRONG, '203.0.113.41'));
      // The address the owner signed in from is not held out by the attacker.
      expect((await attempt(a.api, email, 'the right passphrase', '198.51.100.5')).status).toBe(200);
    });
  });

  it('without JWT_SECRET, two instances on one database accept each other’s tokens', async () => {
    const [a, b] = await Promise.all([start('jwt', {}, ['JWT_SECRET']), start('jwt', {}, ['JWT_SECRET'])]);
    expect(a.app.get(AppConfig).jwtSecretGenerated).toBe(true);
    const token = await login(a.api, 'admin@test.local', 'admin-password-1');
    const me = await b.api.as(token).get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('admin@test.local');
    const back = await a.api.as(await login(b.api, 'admin@test.local', 'admin-password-1')).get('/auth/me');
    expect(back.status).toBe(200);
  });

  describe('/metrics', () => {
    it('with METRICS_TOKEN, answers only that bearer token (401 problem+json otherwise)', async () => {
      const app = await start('metrics', { METRICS_TOKEN: 'scrape-token-of-the-platform' });
      for (const authorization of [undefined, 'Bearer wrong-token-of-the-platform', 'scrape-token-of-the-platform']) {
        const res = await fetch(`${app.origin}/metrics`, { headers: authorization ? { authorization } : {} });
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toMatch(PROBLEM);
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
        expect(await res.json()).toMatchObject({ status: 401, instance: '/metrics' });
      }
      const ok = await fetch(`${app.origin}/metrics`, { headers: { authorization: 'Bearer scrape-token-of-the-platform' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('http_request_duration_seconds');
    });

    it('in production without METRICS_TOKEN, serves nothing (404)', async () => {
      const app = await start('metrics-prod', {
        NODE_ENV: 'production',
        SMTP_URL: 'smtp://127.0.0.1:9',
        PUBLIC_URL: 'http://localhost:3000',
        WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
        RUN_WORKERS: 'false',
        SEED_ON_START: 'false',
      });
      const res = await fetch(`${app.origin}/metrics`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(PROBLEM);
      expect((await fetch(`${app.origin}/health/live`)).status).toBe(200);
    });
  });
});
