import { TestServices, waitFor, type ApiClient } from '@app/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Queue } from 'bullmq';
import type { Connection } from 'mongoose';
import { MAIL_QUEUE } from '../src/mail/queue/mail-jobs';
import { cityUser, type CityUser } from './support/live-users';
import { ok, proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';

interface Entry {
  id: string;
  at: string;
  actor: { userId: string; email: string; role: string; cityId: string | null };
  action: string;
  method: string;
  route: string;
  targets: Record<string, string>;
  status: number;
  requestId: string;
}

/** Issue #13: every write of an admin is in an audit log that admins read at /admin/audit-log. */
describe('Audit log (GET /admin/audit-log)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;
  let adminToken: string;
  let adminId: string;
  let sevilla: CityUser;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    api = running.api;
    adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    admin = api.as(adminToken);
    adminId = (await ok(admin.get('/auth/me'))).id;
    sevilla = await cityUser(api, adminToken, 'sevilla');
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  const entries = async (query = ''): Promise<{ items: Entry[]; total: number }> => ok(admin.get(`/admin/audit-log${query}`));
  /** The entry of one request, once it has been appended (it is written when the answer is sent). */
  const entryOf = async (requestId: string): Promise<Entry> => {
    let found: Entry | undefined;
    await waitFor(`the audit entry of ${requestId}`, async () => {
      found = (await entries('?limit=100')).items.find((e) => e.requestId === requestId);
      return found !== undefined;
    });
    return found!;
  };

  it('records an admin’s user creation without the password, and a city change with its target and outcome', async () => {
    const password = 'a-secret-password-9';
    const created = await admin.post(
      '/users',
      { email: 'new.user@audit.test', password, name: 'New user', role: 'city', cityId: sevilla.cityId },
      {
        'x-request-id': 'audit-create-user',
      },
    );
    expect(created.status).toBe(201);
    const entry = await entryOf('audit-create-user');
    expect(entry).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actor: { userId: adminId, email: 'admin@test.local', role: 'admin', cityId: null },
      action: 'AuthController_createUser',
      method: 'POST',
      route: '/api/v1/users',
      targets: {},
      status: 201,
      requestId: 'audit-create-user',
      durationMs: expect.any(Number),
    });

    const changed = await admin.patch(`/cities/${sevilla.cityId}`, { description: 'City of music' }, { 'x-request-id': 'audit-city' });
    expect(changed.status).toBe(200);
    expect(await entryOf('audit-city')).toMatchObject({
      action: 'CitiesController_update',
      method: 'PATCH',
      route: '/api/v1/cities/:id',
      targets: { id: sevilla.cityId },
      status: 200,
    });

    // Nothing of the body is kept, in the answer or in the collection.
    const connection = running.app.get<Connection>(getConnectionToken());
    const stored = await connection.collection('audit_log').find({}).toArray();
    expect(JSON.stringify(stored)).not.toContain(password);
    expect(JSON.stringify(stored)).not.toContain('City of music');
    expect(JSON.stringify(await entries('?limit=100'))).not.toContain(password);
  });

  it('records refused and failed admin writes with their status', async () => {
    const invalid = await admin.post('/cities', { name: '' }, { 'x-request-id': 'audit-invalid' });
    expect(invalid.status).toBe(400);
    expect(await entryOf('audit-invalid')).toMatchObject({ action: 'CitiesController_register', status: 400 });

    const missing = await admin.post('/admin/dead-letters/no-such-letter/retry', {}, { 'x-request-id': 'audit-retry' });
    expect(missing.status).toBe(404);
    expect(await entryOf('audit-retry')).toMatchObject({
      action: 'DeadLettersController_retry',
      route: '/api/v1/admin/dead-letters/:id/retry',
      targets: { id: 'no-such-letter' },
      status: 404,
    });
  });

  it('leaves out reads and other users’ writes', async () => {
    await proposeProject(sevilla);
    await ok(admin.get('/cities', { 'x-request-id': 'audit-read' }));
    await admin.post(
      '/users',
      { email: 'marker@audit.test', password: 'marker-password-1', name: 'Marker', role: 'city', cityId: sevilla.cityId },
      {
        'x-request-id': 'audit-marker',
      },
    );
    await entryOf('audit-marker');
    const all = (await entries('?limit=100')).items;
    expect(all.every((e) => e.actor.role === 'admin' && e.method !== 'GET')).toBe(true);
    expect(all.some((e) => e.requestId === 'audit-read')).toBe(false);
  });

  it('lists newest first, in pages, filtered by actor, action and time', async () => {
    const page1 = await entries('?limit=2');
    const page2 = await entries('?limit=2&page=2');
    const all = (await entries('?limit=100')).items;
    expect(page1.total).toBe(all.length);
    expect([...page1.items, ...page2.items].map((e) => e.id)).toEqual(all.slice(0, 4).map((e) => e.id));
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());

    expect((await entries('?actor=admin@test.local&limit=100')).total).toBe(all.length);
    expect((await entries(`?actor=${adminId}&limit=100`)).total).toBe(all.length);
    expect((await entries('?actor=nobody@audit.test')).total).toBe(0);
    const creations = (await entries('?action=AuthController_createUser')).items;
    expect(creations.every((e) => e.action === 'AuthController_createUser')).toBe(true);
    // Sevilla's user (made in beforeAll), then the two of the tests.
    expect(creations.map((e) => e.requestId).filter((id) => id.startsWith('audit-'))).toEqual(['audit-marker', 'audit-create-user']);
    expect(creations).toHaveLength(3);

    const cut = all.find((e) => e.requestId === 'audit-marker')!.at;
    const since = (await entries(`?from=${encodeURIComponent(cut)}&limit=100`)).items;
    expect(since.every((e) => e.at >= cut)).toBe(true);
    expect(since.some((e) => e.requestId === 'audit-marker')).toBe(true);
    const before = (await entries(`?to=${encodeURIComponent(cut)}&limit=100`)).items;
    expect(before.some((e) => e.requestId === 'audit-create-user')).toBe(true);
    expect(before.some((e) => e.requestId === 'audit-marker')).toBe(false);

    for (const bad of ['?from=yesterday', '?to=2026-02-30T00:00:00Z', '?actor=', '?limit=0', '?action[$ne]=x']) {
      expect({ bad, status: (await admin.get(`/admin/audit-log${bad}`)).status }).toEqual({ bad, status: 400 });
    }
  });

  it('is for admins only', async () => {
    expect((await sevilla.api.get('/admin/audit-log')).status).toBe(403);
    expect((await api.get('/admin/audit-log')).status).toBe(401);
  });

  it('keeps entries for a limited time (TTL index on `at`)', async () => {
    const connection = running.app.get<Connection>(getConnectionToken());
    const indexes = await connection.collection('audit_log').indexes();
    expect(indexes.find((i) => i.key.at === 1)).toMatchObject({ expireAfterSeconds: 365 * 24 * 3600 });
  });

  describe('the Bull Board at /admin/queues (mounted on Fastify, outside Nest)', () => {
    const BOARD_API = '/admin/queues/api/queues';
    /** A request to the board's own API, as its page sends it. */
    const board = async (method: string, path: string, token: string | undefined, requestId: string) => {
      const res = await fetch(`${running.origin}${BOARD_API}${path}`, {
        method,
        headers: { 'x-request-id': requestId, ...(token && { authorization: `Bearer ${token}` }) },
      });
      await res.arrayBuffer();
      return res.status;
    };

    it('records an admin’s retry of a failed job, with the board operation, the queue and the job', async () => {
      // A job no handler knows fails at once (UnrecoverableError): a failed job to retry.
      const mail = running.app.get<Queue>(getQueueToken(MAIL_QUEUE), { strict: false });
      const job = await mail.add('audit.unknown-job', {}, { attempts: 1 });
      await waitFor('the unknown job to fail', async () => (await job.getState()) === 'failed');

      expect(await board('PUT', `/${MAIL_QUEUE}/${job.id}/retry`, adminToken, 'audit-board-retry')).toBe(204);
      expect(await entryOf('audit-board-retry')).toEqual({
        id: expect.any(String),
        at: expect.any(String),
        actor: { userId: adminId, email: 'admin@test.local', role: 'admin', cityId: null },
        action: 'QueueDashboard_retryJob',
        method: 'PUT',
        route: '/admin/queues/api/queues/:queueName/:jobId/retry',
        targets: { queueName: MAIL_QUEUE, jobId: job.id },
        status: 204,
        requestId: 'audit-board-retry',
        durationMs: expect.any(Number),
      });

      expect(await board('PUT', `/${MAIL_QUEUE}/no-such-job/retry`, adminToken, 'audit-board-missing')).toBe(404);
      expect(await entryOf('audit-board-missing')).toMatchObject({
        action: 'QueueDashboard_retryJob',
        targets: { queueName: MAIL_QUEUE, jobId: 'no-such-job' },
        status: 404,
      });
    });

    it('records pausing and resuming a queue; not the board’s reads, nor the refused writes of others', async () => {
      const mail = running.app.get<Queue>(getQueueToken(MAIL_QUEUE), { strict: false });
      // Refused by the board's guard: not an admin action (as a city user's 403 on an admin API route).
      expect(await board('PUT', `/${MAIL_QUEUE}/pause`, sevilla.token, 'audit-board-city')).toBe(403);
      expect(await board('PUT', `/${MAIL_QUEUE}/pause`, undefined, 'audit-board-anonymous')).toBe(401);
      expect(await mail.isPaused()).toBe(false);
      expect(await board('GET', '', adminToken, 'audit-board-read')).toBe(200);

      expect(await board('PUT', `/${MAIL_QUEUE}/pause`, adminToken, 'audit-board-pause')).toBe(200);
      expect(await mail.isPaused()).toBe(true);
      // The page's first visit carries the token in the query string, which is never kept.
      expect(await board('PUT', `/${MAIL_QUEUE}/resume?token=${adminToken}`, undefined, 'audit-board-resume')).toBe(200);
      expect(await mail.isPaused()).toBe(false);
      expect(await entryOf('audit-board-pause')).toMatchObject({
        actor: { userId: adminId, role: 'admin' },
        action: 'QueueDashboard_pauseQueue',
        method: 'PUT',
        route: '/admin/queues/api/queues/:queueName/pause',
        targets: { queueName: MAIL_QUEUE },
        status: 200,
      });
      expect(await entryOf('audit-board-resume')).toMatchObject({
        action: 'QueueDashboard_resumeQueue',
        targets: { queueName: MAIL_QUEUE },
        status: 200,
      });
      const boardEntries = (await entries('?limit=100')).items.filter((e) => e.action.startsWith('QueueDashboard_'));
      expect(boardEntries.map((e) => e.requestId).sort()).toEqual([
        'audit-board-missing',
        'audit-board-pause',
        'audit-board-resume',
        'audit-board-retry',
      ]);
      // The board's token never reaches the log.
      expect(JSON.stringify(boardEntries)).not.toContain(adminToken);
      expect((await entries('?action=QueueDashboard_pauseQueue')).items.map((e) => e.requestId)).toEqual(['audit-board-pause']);
    });
  });
});
