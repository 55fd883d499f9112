import { TestServices, type ApiClient } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io-client';
import { AppConfig } from '../src/config/app-config';
import { WorkerModule } from '../src/worker.module';
import { cityUser, type CityUser } from './support/live-users';
import { connectLive, emitWithAck, Inbox } from './support/live-client';
import { ok, proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';

/** SPEC §5 over socket.io-client, against two app instances sharing MongoDB and Redis. */
describe('Live updates (Socket.IO /live)', () => {
  let services: TestServices;
  let a: RunningApp;
  let b: RunningApp;
  let api: ApiClient;
  let sevilla: CityUser;
  let lliria: CityUser;
  let valencia: CityUser;
  const sockets: Socket[] = [];

  const connect = async (origin: string, token: string) => {
    const socket = await connectLive(origin, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    services = await TestServices.start();
    // A runs the workers; B is an API-only instance.
    [a, b] = await Promise.all([startApp(services), startApp(services, { RUN_WORKERS: 'false', SEED_ON_START: 'false' })]);
    api = a.api;
    const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    [sevilla, lliria, valencia] = await Promise.all(['sevilla', 'lliria', 'valencia'].map((q) => cityUser(api, adminToken, q)));
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a?.close(), b?.close()]);
    await services?.stop();
  });

  describe('handshake', () => {
    const refusal = (token: string | undefined) =>
      connectLive(a.origin, token).then(
        (s) => (s.close(), 'connected'),
        (e: Error) => e.message,
      );

    it('refuses a socket without a token, with a malformed, forged or expired one', async () => {
      const secret = services.env().JWT_SECRET;
      const claims = { sub: 'u1', email: 'x@y.z', name: 'X', role: 'city', cityId: lliria.cityId };
      const forged = new JwtService({ secret: 'another-secret-that-is-long-enough-too!' }).sign(claims);
      const expired = new JwtService({ secret }).sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 });
      expect(await refusal(undefined)).toBe('unauthorized');
      expect(await refusal('not-a-jwt')).toBe('unauthorized');
      expect(await refusal(forged)).toBe('unauthorized');
      expect(await refusal(expired)).toBe('unauthorized');
    });

    it('accepts a valid token', async () => {
      expect(await refusal(lliria.token)).toBe('connected');
    });
  });

  describe('project:watch', () => {
    it('refuses a project the user may not see, and invalid payloads', async () => {
      const socket = await connect(a.origin, sevilla.token);
      expect(await emitWithAck(socket, 'project:watch', { projectId: 'no-such-project' })).toEqual({
        ok: false,
        error: expect.stringMatching(/^forbidden/),
      });
      for (const payload of [{}, { projectId: '' }, { projectId: 'p', sinceSeq: -1 }, { projectId: 'p', sinceSeq: 'x' }, 'p', null]) {
        expect(await emitWithAck(socket, 'project:watch', payload)).toEqual({ ok: false, error: expect.stringMatching(/^invalid payload/) });
      }
      expect(await emitWithAck(socket, 'project:unwatch', {})).toEqual({ ok: false, error: expect.stringMatching(/^invalid payload/) });
    });

    it('replays exactly the events after sinceSeq, in seq order', async () => {
      const project = await proposeProject(sevilla);
      await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
      await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: valencia.cityId }));
      await ok(lliria.api.post(`/projects/${project.id}/invitations/${lliria.cityId}/accept`));
      await ok(valencia.api.post(`/projects/${project.id}/invitations/${valencia.cityId}/decline`));
      // Another project's events interleave in the global seq: they must not be replayed.
      await proposeProject(valencia);
      const timeline: any[] = await ok(api.get(`/projects/${project.id}/timeline`));
      expect(timeline.map((e) => e.type)).toEqual([
        'ProjectProposed',
        'PartnerInvited',
        'PartnerInvited',
        'InvitationAccepted',
        'InvitationDeclined',
      ]);

      const socket = await connect(b.origin, sevilla.token);
      const all = await emitWithAck(socket, 'project:watch', { projectId: project.id, sinceSeq: 0 });
      expect(all.ok).toBe(true);
      expect(all.missed).toEqual(timeline.map((e) => ({ projectId: project.id, seq: e.seq, type: e.type, at: e.at, data: e.data })));

      const sinceSecond = await emitWithAck(socket, 'project:watch', { projectId: project.id, sinceSeq: timeline[1].seq });
      expect(sinceSecond.missed.map((e: any) => e.seq)).toEqual(timeline.slice(2).map((e) => e.seq));
      const upToDate = await emitWithAck(socket, 'project:watch', { projectId: project.id, sinceSeq: timeline[4].seq });
      expect(upToDate).toEqual({ ok: true, missed: [] });
      expect(await emitWithAck(socket, 'project:watch', { projectId: project.id })).toEqual({ ok: true, missed: [] });
    });
  });

  it('delivers to a client on instance B what was caused through instance A', async () => {
    const project = await proposeProject(sevilla);
    const watcher = await connect(b.origin, sevilla.token);
    const projectEvents = new Inbox(watcher, 'project.event');
    expect(await emitWithAck(watcher, 'project:watch', { projectId: project.id, sinceSeq: 0 })).toMatchObject({
      ok: true,
      missed: [{ type: 'ProjectProposed' }],
    });
    const lliriaOnB = await connect(b.origin, lliria.token);
    const notifications = new Inbox(lliriaOnB, 'notification');

    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId })); // through A

    const [notification] = await notifications.waitFor((n) => n.link.id === project.id);
    expect(notification).toMatchObject({ type: 'PartnerInvited', title: expect.stringContaining('Sevilla invited you'), readAt: null });
    const [event] = await projectEvents.waitFor((e) => e.type === 'PartnerInvited');
    expect(event).toEqual({
      projectId: project.id,
      seq: expect.any(Number),
      type: 'PartnerInvited',
      at: expect.any(String),
      data: expect.objectContaining({ cityId: lliria.cityId }),
    });
    const timeline: any[] = await ok(b.api.get(`/projects/${project.id}/timeline`));
    expect(event.seq).toBe(timeline.at(-1).seq);
  });

  it('stops the project events after project:unwatch, and keeps city rooms to their city', async () => {
    const [p1, p2] = [await proposeProject(sevilla), await proposeProject(sevilla)];
    const socket = await connect(b.origin, valencia.token);
    const events = new Inbox(socket, 'project.event');
    const valenciaNotes = new Inbox(socket, 'notification');
    for (const p of [p1, p2]) expect((await emitWithAck(socket, 'project:watch', { projectId: p.id })).ok).toBe(true);
    expect(await emitWithAck(socket, 'project:unwatch', { projectId: p1.id })).toEqual({ ok: true });

    await ok(sevilla.api.post(`/projects/${p1.id}/invitations`, { cityId: lliria.cityId }));
    await ok(sevilla.api.post(`/projects/${p2.id}/invitations`, { cityId: lliria.cityId }));
    // Both travel the same Redis channel in order: once p2's arrived, p1's would have too.
    await events.waitFor((e) => e.projectId === p2.id);
    expect(events.received.filter((e) => e.projectId === p1.id)).toEqual([]);
    expect(valenciaNotes.received.filter((n) => n.link.id === p1.id || n.link.id === p2.id)).toEqual([]);
  });
});

/** The deployment of ARCHITECTURE.md: API instances without workers, and a separate worker process. */
describe('Worker process (WorkerModule) with an API-only instance', () => {
  let services: TestServices;
  let api: RunningApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    services = await TestServices.start();
    api = await startApp(services, { RUN_WORKERS: 'false' });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(AppConfig.load(services.env())), { logger: false });
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await services?.stop();
  });

  it('delivers the notification through the worker and pushes it to the API instance’s socket', async () => {
    const adminToken = await login(api.api, 'admin@test.local', 'admin-password-1');
    const [sevilla, lliria] = await Promise.all(['sevilla', 'lliria'].map((q) => cityUser(api.api, adminToken, q)));
    const socket = await connectLive(api.origin, lliria.token);
    try {
      const live = new Inbox(socket, 'notification');
      const project = await proposeProject(sevilla);
      await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
      const [notification] = await live.waitFor((n) => n.link.id === project.id);
      expect((await ok(lliria.api.get('/notifications'))).items).toEqual([notification]);
    } finally {
      socket.close();
    }
  });
});
