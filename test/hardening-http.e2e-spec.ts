import { ApiClient, TestServices } from '@app/testing';
import { Logger as NestLogger } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { io } from 'socket.io-client';
import { CityDocument } from '../src/cities/persistence/city.schema';
import { CitySeeder } from '../src/cities/seeding/city-seeder';
import { connectLive } from './support/live-client';
import { login, RunningApp, startApp } from './support/test-app';

/** Findings of the outside security audit, over HTTP and Socket.IO against the whole application. */
describe('HTTP hardening (audit findings)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;
  let adminToken: string;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    api = running.api;
    adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    admin = api.as(adminToken);
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  describe('look-alike city names', () => {
    const lliria = { name: 'Llíria', country: 'ES', region: 'europe-north-america', field: 'music', designationYear: 2019 };

    it.each([
      ['a soft hyphen', 'Lli\u00ADria'],
      ['full-width letters', '\uFF2C\uFF4Círia'],
      ['a zero-width joiner', 'Llí\u200Dria'],
      ['a zero-width space and a word joiner', 'Ll\u200Bí\u2060ria'],
    ])('refuses the seed city Llíria spelt with %s as a duplicate (409)', async (_what, name) => {
      const res = await admin.post('/cities', { ...lliria, name });
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('already exists');
    });

    it('still tells apart names that differ in letters, and finds a look-alike query', async () => {
      expect((await admin.post('/cities', { ...lliria, name: 'Llírias' })).status).toBe(201);
      const found = await api.get(`/cities?q=${encodeURIComponent('Ｌｌí\u00ADria')}`);
      expect(found.body.items.map((c: { name: string }) => c.name)).toEqual(['Llíria', 'Llírias']);
    });

    it('recomputes at start-up the keys stored by the earlier fold, and logs (not fails on) look-alikes that now collide', async () => {
      const cities = running.app.get<Model<CityDocument>>(getModelToken(CityDocument.name));
      const base = { region: 'europe-north-america', field: 'design', designationYear: 2015 };
      // Stored before the fix: "Ｔｏｒｏ" kept its full-width letters, so "Toro" could register beside it.
      const wide = await admin.post('/cities', { ...base, name: 'Ｔｏｒｏ', country: 'PT' });
      expect(wide.status).toBe(201);
      await cities.updateOne({ _id: wide.body.id }, { $set: { searchName: 'ｔｏｒｏ', slug: 'ｔｏｒｏ-pt' } });
      expect((await admin.post('/cities', { ...base, name: 'Toro', country: 'PT' })).status).toBe(201);
      const shy = await admin.post('/cities', { ...base, name: 'Ga\u00ADlway', country: 'IE' });
      await cities.updateOne({ _id: shy.body.id }, { $set: { searchName: 'ga lway', slug: 'ga-lway-ie' } });

      const refresh = await running.app.get(CitySeeder).refreshSearchNames();
      expect(refresh.updated).toEqual([shy.body.id]);
      expect(refresh.conflicts).toEqual([{ id: wide.body.id, name: 'Ｔｏｒｏ', country: 'PT', searchName: 'toro' }]);
      expect((await cities.findById(shy.body.id).lean())?.searchName).toBe('galway');
      expect((await admin.post('/cities', { ...base, name: 'Galway', country: 'IE' })).status).toBe(409);
      expect(await running.app.get(CitySeeder).refreshSearchNames()).toEqual({ updated: [], conflicts: refresh.conflicts });
    });
  });

  describe('Socket.IO default namespace', () => {
    const attempt = (token?: string) => {
      const socket = io(`${running.origin}/`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
      return new Promise<string>((resolve) => {
        socket.once('connect', () => (socket.close(), resolve('connected')));
        socket.once('connect_error', (error) => (socket.close(), resolve(error.message)));
      });
    };

    it('refuses an anonymous connection to / with connect_error unauthorized', async () => {
      expect(await attempt()).toBe('unauthorized');
    });

    it('refuses / even with a valid token (it serves nothing), while /live still accepts the token', async () => {
      expect(await attempt(adminToken)).toBe('unauthorized');
      const live = await connectLive(running.origin, adminToken);
      expect(live.connected).toBe(true);
      live.close();
    });
  });

  describe('security headers', () => {
    const expectHardened = (headers: Headers) => {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    };

    it('sets nosniff and forbids framing on the API, its errors, /docs and /admin/queues', async () => {
      for (const path of ['/api/v1/cities', '/api/v1/no-such-route', '/health', '/docs', '/docs-json', '/admin/queues']) {
        const res = await fetch(`${running.origin}${path}`);
        await res.arrayBuffer(); // read every body: an unread large one would hold its connection open at shutdown
        expectHardened(res.headers);
      }
      const board = await fetch(`${running.origin}/admin/queues`, { headers: { authorization: `Bearer ${adminToken}` } });
      await board.arrayBuffer();
      expect(board.status).toBe(200);
      expectHardened(board.headers);
    });

    /** The page's scripts and stylesheets: each must be same-origin (so the CSP lets it load) and served; no inline script may run. */
    const checkPageUnderCsp = async (pageUrl: string, headers: Record<string, string> = {}) => {
      const page = await fetch(pageUrl, { headers });
      expect(page.status).toBe(200);
      const html = await page.text();
      const csp = page.headers.get('content-security-policy') ?? '';
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      const inline = scripts.filter(([, attrs, body]) => !/\bsrc=/.test(attrs) && !/type="application\/json"/.test(attrs) && body.trim() !== '');
      expect(inline).toEqual([]);
      const urls = [
        ...scripts.map(([, attrs]) => /\bsrc="([^"]+)"/.exec(attrs)?.[1]).filter((u): u is string => !!u),
        ...[...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map(([tag]) => /href="([^"]+)"/.exec(tag)![1]),
      ].map((u) => new URL(u, new URL(/<base href="([^"]+)"/.exec(html)?.[1] ?? '', page.url)));
      expect(urls.length).toBeGreaterThan(1);
      const own = urls.filter((u) => u.origin === running.origin);
      // Only a web font stylesheet of Bull Board comes from elsewhere: the CSP blocks it and the board falls back to system fonts.
      for (const url of urls.filter((u) => u.origin !== running.origin)) expect(url.host).toBe('fonts.googleapis.com');
      for (const url of own) {
        const asset = await fetch(url, { headers });
        await asset.arrayBuffer();
        expect([url.pathname, asset.status]).toEqual([url.pathname, 200]);
        expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
      }
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      return own.length;
    };

    it('lets the Swagger UI at /docs load its own scripts and styles', async () => {
      expect(await checkPageUnderCsp(`${running.origin}/docs`)).toBeGreaterThanOrEqual(4);
    });

    it('lets the Bull Board at /admin/queues load its own scripts and styles', async () => {
      const first = await fetch(`${running.origin}/admin/queues?token=${adminToken}`, { redirect: 'manual' });
      await first.arrayBuffer();
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
      expect(cookie).not.toBe('');
      expect(await checkPageUnderCsp(`${running.origin}/admin/queues`, { cookie })).toBeGreaterThanOrEqual(2);
    });
  });

  describe('CORS', () => {
    const preflight = (method: string, headers: string) =>
      fetch(`${running.origin}/api/v1/cities/some-id`, {
        method: 'OPTIONS',
        headers: { origin: 'https://client.example', 'access-control-request-method': method, 'access-control-request-headers': headers },
      });

    it.each(['PATCH', 'PUT', 'DELETE', 'POST'])('allows a cross-origin %s with the headers the API reads', async (method) => {
      const res = await preflight(method, 'authorization,content-type,idempotency-key,x-request-id');
      await res.arrayBuffer();
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://client.example');
      const methods = (res.headers.get('access-control-allow-methods') ?? '').split(',').map((m) => m.trim());
      expect(methods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']));
      const allowed = (res.headers.get('access-control-allow-headers') ?? '')
        .toLowerCase()
        .split(',')
        .map((h) => h.trim());
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'x-request-id']));
      // Bearer tokens, never cookies: no credentials, so CORS_ORIGIN=* lends no session to another site.
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('starts in production with CORS_ORIGIN=* (credentials are never allowed) but warns', async () => {
      const warn = jest.spyOn(NestLogger.prototype, 'warn');
      const prod = await startApp(services, {
        NODE_ENV: 'production',
        SMTP_URL: 'smtp://127.0.0.1:9',
        PUBLIC_URL: 'http://localhost:3000',
        WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
        CORS_ORIGIN: '*',
        RUN_WORKERS: 'false',
        SEED_ON_START: 'false',
      });
      try {
        expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringContaining('CORS_ORIGIN=* in production'));
        const res = await fetch(`${prod.origin}/api/v1/cities`, {
          method: 'OPTIONS',
          headers: { origin: 'https://any.example', 'access-control-request-method': 'PATCH' },
        });
        await res.arrayBuffer();
        expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      } finally {
        warn.mockRestore();
        await prod.close();
      }
    });

    it('exposes Retry-After and X-Request-Id to a cross-origin reader', async () => {
      const res = await fetch(`${running.origin}/api/v1/cities`, { headers: { origin: 'https://client.example' } });
      await res.arrayBuffer();
      expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After.*X-Request-Id/);
    });
  });
});
