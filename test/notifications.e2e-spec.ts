import { EventLog, EventRegistry, EventStore } from '@app/events';
import { TestServices, waitFor, type ApiClient } from '@app/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import type { Socket } from 'socket.io-client';
import { NotificationFanOut } from '../src/notifications/consumers/notification-fan-out.consumer';
import { DeliverNotificationProcessor } from '../src/notifications/deliver/deliver-notification.processor';
import type { ProjectEvent } from '../src/projects/contracts';
import { deliverJobId, NOTIFICATIONS_QUEUE, NotificationJobs, type DeliverNotificationJob } from '../src/notifications/queue/notification-jobs';
import { cityUser, type CityUser } from './support/live-users';
import { connectLive, Inbox } from './support/live-client';
import { ok, proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

/** SPEC §3 Notifications and §4: inbox routes, preferences, exactly-once delivery, Redis outage. */
describe('Notifications', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let adminToken: string;
  let sevilla: CityUser;
  let lliria: CityUser;
  let valencia: CityUser;
  let lliriaSocket: Socket;
  let lliriaLive: Inbox;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    api = running.api;
    adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    [sevilla, lliria, valencia] = await Promise.all(['sevilla', 'lliria', 'valencia'].map((q) => cityUser(api, adminToken, q)));
    lliriaSocket = await connectLive(running.origin, lliria.token);
    lliriaLive = new Inbox(lliriaSocket, 'notification');
  });

  afterAll(async () => {
    lliriaSocket?.close();
    await running?.close();
    await services?.stop();
  });

  const queue = () => running.app.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE), { strict: false });
  const eventsOf = (projectId: string) => running.app.get(EventLog).listForAggregate('project', projectId);
  const inboxOf = async (user: CityUser, query = '') => ok(user.api.get(`/notifications${query}`));

  /** Sevilla invites Llíria to a new project; resolves with the project and Llíria's live notification. */
  async function inviteLliria(title?: string) {
    const project = await proposeProject(sevilla, title);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    const [live] = await lliriaLive.waitFor((n) => n.link.id === project.id);
    return { project, live };
  }

  it('writes the inbox item and pushes the same item live, in plain English', async () => {
    const { project, live } = await inviteLliria('Ritmos compartidos');
    expect(live).toMatchObject({
      type: 'PartnerInvited',
      title: 'Sevilla invited you to “Ritmos compartidos”',
      link: { kind: 'project', id: project.id },
      readAt: null,
    });
    const page = await inboxOf(lliria);
    expect(page).toMatchObject({ page: 1, limit: 20 });
    const item = page.items.find((i: any) => i.id === live.id);
    expect(item).toEqual({ ...live });
    expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'type', 'title', 'body', 'link', 'eventId', 'createdAt', 'readAt']));
    const [invited] = (await eventsOf(project.id)).filter((e) => e.type === 'PartnerInvited');
    expect(item.eventId).toBe(invited.id);
    // Sevilla, the inviter, is told nothing.
    expect((await inboxOf(sevilla)).items.filter((i: any) => i.link.id === project.id)).toEqual([]);
  });

  it('tells the lead and the accepted partners on acceptance, not the city that accepted', async () => {
    const sevillaSocket = await connectLive(running.origin, sevilla.token);
    const sevillaLive = new Inbox(sevillaSocket, 'notification');
    try {
      const { project } = await inviteLliria();
      await ok(lliria.api.post(`/projects/${project.id}/invitations/${lliria.cityId}/accept`));
      const [accepted] = await sevillaLive.waitFor((n) => n.type === 'InvitationAccepted' && n.link.id === project.id);
      expect(accepted.title).toMatch(/^Llíria accepted your invitation to “/);
      expect((await inboxOf(lliria)).items.some((i: any) => i.type === 'InvitationAccepted' && i.link.id === project.id)).toBe(false);
    } finally {
      sevillaSocket.close();
    }
  });

  it('lists newest first, pages, filters unread, counts and marks read', async () => {
    const first = await inviteLliria();
    const second = await inviteLliria();
    const all = await inboxOf(lliria, '?limit=100');
    const ids = all.items.map((i: any) => i.id);
    expect(ids.indexOf(second.live.id)).toBeLessThan(ids.indexOf(first.live.id));
    const dates = all.items.map((i: any) => i.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);

    const onePerPage = await inboxOf(lliria, '?limit=1&page=2');
    expect(onePerPage).toMatchObject({ page: 2, limit: 1, total: all.total });
    expect(onePerPage.items).toEqual([all.items[1]]);

    const unreadBefore = (await ok(lliria.api.get('/notifications/unread-count'))).count;
    expect(unreadBefore).toBe(all.total);
    const read = await ok(lliria.api.post(`/notifications/${first.live.id}/read`));
    expect(read).toMatchObject({ id: first.live.id, readAt: expect.any(String), version: 2 });
    // Reading it again changes nothing.
    expect(await ok(lliria.api.post(`/notifications/${first.live.id}/read`))).toEqual(read);
    expect((await ok(lliria.api.get('/notifications/unread-count'))).count).toBe(unreadBefore - 1);
    const unread = await inboxOf(lliria, '?unread=true&limit=100');
    expect(unread.items.map((i: any) => i.id)).not.toContain(first.live.id);
    expect(unread.total).toBe(unreadBefore - 1);

    expect(await ok(lliria.api.post('/notifications/read-all'))).toEqual({ updated: unreadBefore - 1 });
    expect(await ok(lliria.api.get('/notifications/unread-count'))).toEqual({ count: 0 });
  });

  it("keeps each city's inbox its own; an admin without a city has an empty one", async () => {
    const { live } = await inviteLliria();
    const res = await valencia.api.post(`/notifications/${live.id}/read`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(PROBLEM);
    expect((await inboxOf(valencia)).items.map((i: any) => i.id)).not.toContain(live.id);
    expect(await ok(api.as(adminToken).get('/notifications'))).toEqual({ items: [], total: 0, page: 1, limit: 20 });
    expect(await ok(api.as(adminToken).get('/notifications/unread-count'))).toEqual({ count: 0 });
    expect((await api.as(adminToken).put('/notifications/preferences', { email: 'off', mutedTypes: [] })).status).toBe(403);
  });

  it('answers 401 to anonymous callers and 400 to bad input', async () => {
    for (const res of [
      await api.get('/notifications'),
      await api.get('/notifications/unread-count'),
      await api.post('/notifications/read-all'),
      await api.get('/notifications/preferences'),
    ]) {
      expect(res.status).toBe(401);
    }
    for (const query of ['?unread=yes', '?limit=0', '?limit=101', '?page=0', '?page=x', '?sort=new']) {
      const res = await lliria.api.get(`/notifications${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.any(String) })]));
    }
    for (const body of [
      { email: 'hourly', mutedTypes: [] },
      { email: 'off', mutedTypes: ['NoSuchType'] },
      { email: 'off' },
      { email: 'off', mutedTypes: 'PartnerInvited' },
      { email: 'off', mutedTypes: [], extra: 1 },
    ]) {
      const res = await lliria.api.put('/notifications/preferences', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
  });

  it('stores preferences and skips the types a city muted', async () => {
    expect(await ok(valencia.api.get('/notifications/preferences'))).toMatchObject({ email: 'instant', mutedTypes: [], version: 0 });
    const saved = await ok(valencia.api.put('/notifications/preferences', { email: 'weekly', mutedTypes: ['PartnerInvited', 'PartnerInvited'] }));
    expect(saved).toMatchObject({ email: 'weekly', mutedTypes: ['PartnerInvited'], version: 1, createdAt: expect.any(String) });
    expect(await ok(valencia.api.get('/notifications/preferences'))).toEqual(saved);
    expect((await valencia.api.put('/notifications/preferences', { email: 'daily', mutedTypes: ['PartnerInvited'], version: 0 })).status).toBe(409);

    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: valencia.cityId }));
    const [invited] = (await eventsOf(project.id)).filter((e) => e.type === 'PartnerInvited');
    const jobId = deliverJobId(invited.id, valencia.cityId);
    const job = await waitFor('the muted delivery to finish', async () => {
      const j = await queue().getJob(jobId);
      // Read again once completed: a job fetched while still active keeps returnvalue null.
      return j && (await j.isCompleted()) ? queue().getJob(jobId) : undefined;
    });
    expect(job.returnvalue).toBe('muted');
    expect((await inboxOf(valencia)).items.filter((i: any) => i.eventId === invited.id)).toEqual([]);
    await ok(valencia.api.put('/notifications/preferences', { email: 'instant', mutedTypes: [] }));
  });

  it('never makes a second notification for a republished or redelivered event', async () => {
    const { project, live } = await inviteLliria();
    const [invited] = (await eventsOf(project.id)).filter((e) => e.type === 'PartnerInvited');

    // 1-2. The fan-out consumer handles the event twice more, as after a crash before its checkpoint moved: the job id is taken.
    const registry = running.app.get(EventRegistry);
    const fanOut = running.app.get(NotificationFanOut, { strict: false });
    await fanOut.handle(registry.instantiate(invited) as ProjectEvent);
    await fanOut.handle(registry.instantiate(invited) as ProjectEvent);
    // 3. A job that already ran delivered again (its job long removed): the unique index makes it a no-op.
    const processor = running.app.get(DeliverNotificationProcessor, { strict: false });
    const data = (await queue().getJob(deliverJobId(invited.id, lliria.cityId)))!.data as DeliverNotificationJob;
    expect(await processor.deliver({ data, attemptsStarted: 1 })).toBe('duplicate');

    // A later invitation is the barrier: everything enqueued before it has been handled by then.
    await inviteLliria();
    const items = (await inboxOf(lliria, '?limit=100')).items.filter((i: any) => i.eventId === invited.id);
    expect(items).toHaveLength(1);
    expect(lliriaLive.received.filter((n) => n.eventId === invited.id)).toEqual([live]);
    expect((await queue().getJobs(['completed', 'waiting', 'active', 'delayed'])).filter((j: Job) => j.data.eventId === invited.id)).toHaveLength(1);
  });

  it('delivers every notification exactly once after a Redis outage, and the API stays up', async () => {
    const projects = await Promise.all([1, 2, 3, 4, 5].map(() => proposeProject(sevilla)));
    const redisPort = services.redis!.port;
    await services.redis!.stop();
    try {
      for (const project of projects) {
        // MongoDB is the source of truth: the command succeeds while Redis is down.
        const res = await sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId });
        expect(res.status).toBe(201);
      }
      const health = await fetch(`${running.origin}/health`);
      expect(health.status).toBe(503);
    } finally {
      await services.redis!.start(redisPort);
    }
    const ids = new Set(projects.map((p) => p.id));
    const arrived = await lliriaLive.waitFor((n) => ids.has(n.link.id), 5, 20_000);
    expect(new Set(arrived.map((n) => n.id)).size).toBe(5);
    const inbox = (await inboxOf(lliria, '?limit=100')).items.filter((i: any) => ids.has(i.link.id));
    expect(inbox).toHaveLength(5);
    // Exactly once: a later notification is the barrier, and nothing more came for those five.
    await inviteLliria();
    expect(lliriaLive.received.filter((n) => ids.has(n.link.id))).toHaveLength(5);
  }, 40_000);

  it('shows queue depths on /metrics and the queue dashboard to admins only', async () => {
    const metrics = await (await fetch(`${running.origin}/metrics`)).text();
    expect(metrics).toMatch(/bullmq_queue_jobs\{queue="notifications",state="completed"\} [1-9]/);
    expect(metrics).toMatch(/bullmq_queue_jobs\{queue="notifications",state="active"\} \d+/);

    const board = `${running.origin}/admin/queues`;
    expect((await fetch(board)).status).toBe(401);
    expect((await fetch(board, { headers: { authorization: `Bearer ${lliria.token}` } })).status).toBe(403);
    expect((await fetch(`${board}?token=not-a-token`)).status).toBe(401);
    expect((await fetch(`${board}/api/queues`)).status).toBe(401);
    const page = await fetch(board, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    // A browser opens ?token= once; the cookie then carries the board's own API calls.
    const viaQuery = await fetch(`${board}?token=${adminToken}`);
    expect(viaQuery.status).toBe(200);
    const cookie = viaQuery.headers.get('set-cookie')!.split(';')[0];
    const queues = await fetch(`${board}/api/queues`, { headers: { cookie } });
    expect(queues.status).toBe(200);
    expect(JSON.stringify(await queues.json())).toContain(NOTIFICATIONS_QUEUE);
  });
});

/** Graceful shutdown: closing the app during a burst finishes the active jobs; none stays active. */
describe('Notification workers on shutdown', () => {
  let services: TestServices;

  beforeAll(async () => {
    services = await TestServices.start();
  });

  afterAll(async () => {
    await services?.stop();
  });

  it('leaves no job active when the app closes during a burst', async () => {
    const running = await startApp(services, { NOTIFICATION_CONCURRENCY: '50' });
    const queue = running.app.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE), { strict: false });
    const burst = Array.from({ length: 2000 }, (_, i): DeliverNotificationJob => ({
      eventId: `burst-${i}`,
      cityId: 'city-under-load',
      type: 'PartnerInvited',
      title: `Burst ${i}`,
      body: 'A burst of notifications',
      link: { kind: 'project', id: 'p-burst' },
      createdAt: new Date().toISOString(),
    }));
    await queue.addBulk(burst.map((data) => ({ name: NotificationJobs.deliver, data, opts: { jobId: deliverJobId(data.eventId, data.cityId) } })));
    await waitFor('the workers to be busy', async () => ((await queue.getJobCounts('completed')).completed >= 100 ? true : undefined));

    await running.close();

    // A fresh instance without workers, only to look at the queue and the inbox.
    const observer = await startApp(services, { RUN_WORKERS: 'false' });
    try {
      const q = observer.app.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE), { strict: false });
      const counts = await q.getJobCounts('active', 'completed', 'waiting', 'failed', 'delayed');
      expect(counts.active).toBe(0);
      expect(counts.failed).toBe(0);
      expect(counts.completed + counts.waiting + counts.delayed).toBe(2000);
      expect(counts.waiting).toBeGreaterThan(0);
      // Every completed job wrote its item, and no job wrote one without completing.
      const written = await observer.app.get(EventStore).events.db.collection('notifications').countDocuments({ cityId: 'city-under-load' });
      expect(written).toBe(counts.completed);
    } finally {
      await observer.close();
    }
  }, 60_000);
});
