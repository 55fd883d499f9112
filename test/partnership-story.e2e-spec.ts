import { TestServices, waitFor, type ApiClient } from '@app/testing';
import type { NotificationMessage } from '../src/live/contracts';
import type { Socket } from 'socket.io-client';
import { createCityUser, type CityUser } from './support/city-users';
import { connectLive, emitWithAck, Inbox } from './support/live-client';
import { login, startApp, type RunningApp } from './support/test-app';

type Notification = NotificationMessage;

interface ProjectEvent {
  projectId: string;
  seq: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

/**
 * Issue 6's story, as users live it: over HTTP and socket.io-client, steps 1–7 in order (each `it`
 * continues where the previous one stopped). SPEC §3 (Projects, Notifications), §4 and §5.
 */
describe('Partnership story (HTTP + Socket.IO)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let sevilla: CityUser & { userId: string };
  let lliria: CityUser & { userId: string };
  let valencia: CityUser & { userId: string };
  let granada: CityUser & { userId: string };
  const sockets: Socket[] = [];
  const notifications = new Map<string, Inbox<Notification>>();
  let sevillaWatch: Inbox<ProjectEvent>;
  let lliriaWatch: Inbox<ProjectEvent>;
  let valenciaWatch: Inbox<ProjectEvent>;
  let project: { id: string; version: number };
  let missed: ProjectEvent[] = [];

  async function user(adminToken: string, q: string) {
    const u = await createCityUser(api, adminToken, q);
    const me = await u.api.get('/auth/me');
    return { ...u, userId: me.body.id as string };
  }

  /** A connected socket of `u`, collecting its city's `notification`s and watched `project.event`s. */
  async function connect(u: CityUser) {
    const socket = await connectLive(running.origin, u.token);
    sockets.push(socket);
    return { socket, notifications: new Inbox<Notification>(socket, 'notification'), events: new Inbox<ProjectEvent>(socket, 'project.event') };
  }

  const inboxOf = async (u: CityUser): Promise<Notification[]> => {
    const res = await u.api.get('/notifications?limit=100');
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const ofProject = (n: Notification) => n.link?.kind === 'project' && n.link.id === project.id;
  const live = (u: CityUser) => notifications.get(u.cityId)!;
  const livePush = (u: CityUser, type: string) => live(u).waitFor((n) => n.type === type && ofProject(n));

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    api = running.api;
    const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    [sevilla, lliria, valencia, granada] = await Promise.all(['sevilla', 'lliria', 'valencia', 'granada'].map((q) => user(adminToken, q)));
    for (const u of [sevilla, lliria, valencia]) {
      const c = await connect(u);
      notifications.set(u.cityId, c.notifications);
      if (u === sevilla) sevillaWatch = c.events;
      if (u === lliria) lliriaWatch = c.events;
      if (u === valencia) valenciaWatch = c.events;
    }
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await running?.close();
    await services?.stop();
  });

  it('1. Sevilla proposes a music project and invites Llíria: she is told live, once in her inbox', async () => {
    const proposed = await sevilla.api.post('/projects', {
      title: 'Ritmos del Mediterráneo',
      summary: 'Joint concerts, residencies and a shared score library between two music cities',
      fields: ['music'],
      actionAreas: ['professional-exchange'],
      sectors: ['public', 'civil-society'],
      sdgs: [11, 4],
      startDate: '2026-03-01',
      endDate: '2026-12-31',
    });
    expect(proposed.status).toBe(201);
    project = proposed.body;

    const invited = await sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId, message: '¿Tocamos juntos?' });
    expect(invited.status).toBe(201);
    expect(invited.body.partners).toEqual([expect.objectContaining({ cityId: lliria.cityId, status: 'invited' })]);

    const [pushed] = await livePush(lliria, 'PartnerInvited');
    expect(pushed).toMatchObject({ link: { kind: 'project', id: project.id }, readAt: null, title: expect.any(String), body: expect.any(String) });
    const inbox = (await inboxOf(lliria)).filter(ofProject);
    expect(inbox.map((n) => [n.type, n.id])).toEqual([['PartnerInvited', pushed.id]]);
    expect((await lliria.api.get('/notifications/unread-count')).body).toMatchObject({ count: 1 });
  });

  it('2. Llíria accepts, and Sevilla is told live', async () => {
    const accepted = await lliria.api.post(`/projects/${project.id}/invitations/${lliria.cityId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.partners).toEqual([expect.objectContaining({ cityId: lliria.cityId, status: 'accepted' })]);
    const [pushed] = await livePush(sevilla, 'InvitationAccepted');
    expect((await inboxOf(sevilla)).filter((n) => n.id === pushed.id)).toHaveLength(1);
  });

  it('3. Valencia asks to join and Sevilla approves: both are told', async () => {
    expect((await valencia.api.post(`/projects/${project.id}/join-requests`, { message: 'We design the stages' })).status).toBe(201);
    await livePush(sevilla, 'JoinRequested');

    const approved = await sevilla.api.post(`/projects/${project.id}/join-requests/${valencia.cityId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.partners.map((p: { cityId: string; status: string }) => [p.cityId, p.status])).toEqual([
      [lliria.cityId, 'accepted'],
      [valencia.cityId, 'accepted'],
    ]);
    await livePush(valencia, 'JoinRequestApproved');
    expect((await inboxOf(valencia)).filter(ofProject).map((n) => n.type)).toEqual(['JoinRequestApproved']);
  });

  it('4. Sevilla watches from sinceSeq 0 and gets every missed event in order', async () => {
    const ack = await emitWithAck(sockets[0], 'project:watch', { projectId: project.id, sinceSeq: 0 });
    expect(ack.ok).toBe(true);
    missed = ack.missed;
    expect(missed.map((e) => e.type)).toEqual(['ProjectProposed', 'PartnerInvited', 'InvitationAccepted', 'JoinRequested', 'JoinRequestApproved']);
    const seqs = missed.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(missed[1]).toEqual({
      projectId: project.id,
      seq: expect.any(Number),
      type: 'PartnerInvited',
      at: expect.any(String),
      data: expect.objectContaining({ projectId: project.id, cityId: lliria.cityId, leadCityId: sevilla.cityId }),
    });
    // Llíria watches too, from what she last saw (the accepted invitation).
    const lliriaAck = await emitWithAck(sockets[1], 'project:watch', { projectId: project.id, sinceSeq: missed[2].seq });
    expect(lliriaAck.missed.map((e: ProjectEvent) => e.type)).toEqual(['JoinRequested', 'JoinRequestApproved']);
  });

  it('5. Sevilla posts an update: Llíria and Valencia are notified, Sevilla is not; watchers get the event', async () => {
    const posted = await sevilla.api.post(`/projects/${project.id}/updates`, { text: 'First rehearsal on 12 March in Llíria', kind: 'milestone' });
    expect(posted.status).toBe(201);
    const [lliriaPush] = await livePush(lliria, 'ProjectUpdatePosted');
    await livePush(valencia, 'ProjectUpdatePosted');
    expect(lliriaPush.body).toContain('First rehearsal');

    for (const watch of [sevillaWatch, lliriaWatch]) {
      const [event] = await watch.waitFor((e) => e.projectId === project.id && e.type === 'ProjectUpdatePosted');
      expect(event.data).toMatchObject({ updateId: posted.body.id, authorCityId: sevilla.cityId, kind: 'milestone' });
      expect(event.seq).toBeGreaterThan(missed[missed.length - 1].seq);
    }
    // Valencia does not watch the project: her socket gets her notifications, not its events.
    expect(valenciaWatch.received).toEqual([]);
  });

  it('6. Sevilla starts and completes the project; after that it refuses every change', async () => {
    const started = await sevilla.api.post(`/projects/${project.id}/start`);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('active');
    const completed = await sevilla.api.post(`/projects/${project.id}/complete`, { outcome: 'Eight concerts and a shared score library' });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', outcome: 'Eight concerts and a shared score library' });
    for (const partner of [lliria, valencia]) {
      await livePush(partner, 'ProjectStarted');
      await livePush(partner, 'ProjectCompleted');
    }
    await sevillaWatch.waitFor((e) => e.projectId === project.id && e.type === 'ProjectCompleted');

    const p = `/projects/${project.id}`;
    const attempts: [CityUser, string, string, object][] = [
      [sevilla, 'PATCH', p, { title: 'Encore', version: completed.body.version }],
      [sevilla, 'POST', `${p}/invitations`, { cityId: granada.cityId }],
      [granada, 'POST', `${p}/join-requests`, {}],
      [lliria, 'POST', `${p}/withdraw`, {}],
      [valencia, 'POST', `${p}/updates`, { text: 'One more thing', kind: 'news' }],
      [sevilla, 'POST', `${p}/start`, {}],
      [sevilla, 'POST', `${p}/complete`, { outcome: 'Again' }],
      [sevilla, 'POST', `${p}/cancel`, { reason: 'Too late' }],
    ];
    for (const [u, method, path, body] of attempts) {
      const res = await u.api.request(method, path, body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 409, code: 'project.finished' });
      expect(res.body.detail).toMatch(/finished/);
    }
    expect((await api.get(p)).body).toEqual(completed.body);
  });

  it('7. The timeline shows every event with its actor; each city was told exactly what concerned it', async () => {
    const timeline = (await api.get(`/projects/${project.id}/timeline`)).body as (ProjectEvent & { actor: { userId: string; cityId: string } })[];
    const by = (u: { userId: string; cityId: string }) => ({ userId: u.userId, cityId: u.cityId });
    expect(timeline.map((e) => [e.type, e.actor])).toEqual([
      ['ProjectProposed', by(sevilla)],
      ['PartnerInvited', by(sevilla)],
      ['InvitationAccepted', by(lliria)],
      ['JoinRequested', by(valencia)],
      ['JoinRequestApproved', by(sevilla)],
      ['ProjectUpdatePosted', by(sevilla)],
      ['ProjectStarted', by(sevilla)],
      ['ProjectCompleted', by(sevilla)],
    ]);
    // What Sevilla's watching socket received (replay + live) is the timeline, in order.
    const watched = [...missed, ...sevillaWatch.received.filter((e) => e.projectId === project.id)];
    expect(watched.map((e) => e.seq)).toEqual(timeline.map((e) => e.seq));

    // Inboxes, newest first, one item per event that concerned the city.
    await waitFor('the last notifications to be written', async () => (await inboxOf(valencia)).filter(ofProject).length === 4);
    const types = async (u: CityUser) => (await inboxOf(u)).filter(ofProject).map((n) => n.type);
    expect(await types(lliria)).toEqual(['ProjectCompleted', 'ProjectStarted', 'ProjectUpdatePosted', 'PartnerInvited']);
    expect(await types(valencia)).toEqual(['ProjectCompleted', 'ProjectStarted', 'ProjectUpdatePosted', 'JoinRequestApproved']);
    expect(await types(sevilla)).toEqual(['JoinRequested', 'InvitationAccepted']);
    // Pushed live exactly as written: one push per inbox item.
    for (const u of [sevilla, lliria, valencia]) {
      const pushed = live(u)
        .received.filter(ofProject)
        .map((n) => n.id);
      expect(new Set(pushed).size).toBe(pushed.length);
      expect(pushed.sort()).toEqual(
        (await inboxOf(u))
          .filter(ofProject)
          .map((n) => n.id)
          .sort(),
      );
    }
  });
});
