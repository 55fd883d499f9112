import { TestServices, waitFor, type ApiClient } from '@app/testing';
import { NotificationFanOut } from '../src/notifications/consumers/notification-fan-out.consumer';
import { cityUser, type CityUser } from './support/live-users';
import { ok, proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;

/**
 * A consumer whose handler throws on one event: the others go on, it retries, parks the event as a
 * dead letter, and an admin's retry delivers it exactly once (`/admin/dead-letters`).
 */
describe('Dead letters (GET /admin/dead-letters, POST …/retry|skip)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;
  let sevilla: CityUser;
  let lliria: CityUser;
  const broken = new Set<string>();

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services, { CONSUMER_MAX_ATTEMPTS: '3' });
    api = running.api;
    const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    admin = api.as(adminToken);
    [sevilla, lliria] = await Promise.all(['sevilla', 'lliria'].map((q) => cityUser(api, adminToken, q)));
    // The fan-out fails on the notifying events of the projects in `broken`, as it would on a poison event.
    const fanOut = running.app.get(NotificationFanOut, { strict: false });
    const handle = fanOut.handle.bind(fanOut);
    fanOut.handle = async (event) => {
      // ProjectProposed notifies nobody; it may be handled after the project is marked broken.
      if (broken.has(event.aggregateId) && event.type !== 'ProjectProposed') throw new Error('template crashed');
      return handle(event);
    };
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  const inboxOf = async (user: CityUser) => (await ok(user.api.get('/notifications?limit=100'))).items as { eventId: string; link: { id: string } }[];
  const letter = async (id: string) =>
    ((await ok(admin.get('/admin/dead-letters?limit=100'))).items as { id: string; status: string }[]).find((l) => l.id === id);

  it('parks the poison event without holding up the other consumers, and delivers it once on retry', async () => {
    const project = await proposeProject(sevilla);
    broken.add(project.id);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    await ok(lliria.api.post(`/projects/${project.id}/invitations/${lliria.cityId}/accept`, {}));

    // The collaborations read model (another consumer) is not held up by the failing fan-out.
    await waitFor(
      'the collaborations to show the partnership',
      async () => (await ok(api.get(`/cities/${sevilla.cityId}/collaborations`))).total >= 1,
    );
    // Another project's notifications go on, too: the fan-out moved past the poison events.
    const healthy = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${healthy.id}/invitations`, { cityId: lliria.cityId }));
    await waitFor('the healthy invitation in the inbox', async () => (await inboxOf(lliria)).some((n) => n.link.id === healthy.id));

    const list = await ok(admin.get('/admin/dead-letters?status=parked&consumer=notifications.fan-out'));
    const parked = list.items.filter((l: { aggregateId: string }) => l.aggregateId === project.id);
    expect(parked.map((l: { type: string }) => l.type).sort()).toEqual(['InvitationAccepted', 'PartnerInvited']);
    expect(parked[0]).toMatchObject({ consumer: 'notifications.fan-out', status: 'parked', attempts: 3, error: 'template crashed' });
    expect((await inboxOf(lliria)).some((n) => n.link.id === project.id)).toBe(false);

    broken.delete(project.id);
    const invited = parked.find((l: { type: string }) => l.type === 'PartnerInvited');
    const retried = await admin.post(`/admin/dead-letters/${encodeURIComponent(invited.id)}/retry`, {});
    expect(retried).toMatchObject({ status: 202, body: { id: invited.id, status: 'retrying' } });
    await waitFor('the retry to deliver it', async () => (await letter(invited.id))?.status === 'delivered');
    await waitFor('the invitation in Llíria’s inbox', async () => (await inboxOf(lliria)).some((n) => n.eventId === invited.eventId));

    const again = await admin.post(`/admin/dead-letters/${encodeURIComponent(invited.id)}/retry`, {});
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(PROBLEM);
    expect((await inboxOf(lliria)).filter((n) => n.eventId === invited.eventId)).toHaveLength(1);

    const accepted = parked.find((l: { type: string }) => l.type === 'InvitationAccepted');
    expect(await ok(admin.post(`/admin/dead-letters/${encodeURIComponent(accepted.id)}/skip`, {}))).toMatchObject({ status: 'skipped' });
    expect((await admin.post(`/admin/dead-letters/${encodeURIComponent(accepted.id)}/skip`, {})).status).toBe(409);
  });

  it('is for admins only, and answers problem+json for unknown letters and bad filters', async () => {
    expect((await api.get('/admin/dead-letters')).status).toBe(401);
    expect((await sevilla.api.get('/admin/dead-letters')).status).toBe(403);
    expect((await sevilla.api.post('/admin/dead-letters/x@y/retry', {})).status).toBe(403);
    const missing = await admin.post('/admin/dead-letters/nobody@nothing/retry', {});
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(PROBLEM);
    const bad = await admin.get('/admin/dead-letters?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('shows each consumer’s lag in /health and /metrics', async () => {
    const health = (await fetch(`${running.origin}/health`).then((r) => r.json())) as any;
    expect(health.details.consumers.status).toBe('up');
    expect(health.details.consumers['notifications.fan-out']).toMatchObject({ lag: expect.any(Number), runsHere: true, stuck: false });
    expect(health.details.consumers['live.project-events']).toMatchObject({ runsHere: true });
    const metrics = await fetch(`${running.origin}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/events_consumer_lag\{consumer="cities\.collaborations"\} \d+/);
    expect(metrics).toMatch(/events_consumer_failures\{consumer="notifications\.fan-out"\} [1-9]/);
    expect(metrics).toMatch(/events_dead_letters_parked\{consumer="notifications\.fan-out"\} 0/); // one delivered, one skipped
  });
});
