import { EventLog } from '@app/events';
import { TestServices, waitFor, type ApiClient } from '@app/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { WebhookDispatch } from '../src/webhooks/consumers/webhook-dispatch.consumer';
import { WEBHOOKS_QUEUE } from '../src/webhooks/queue/webhook-jobs';
import { createCityUser, type CityUser } from './support/city-users';
import { expectProblem, ok } from './support/http-expectations';
import { sharePractice } from './support/practices';
import { proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';
import { WebhookReceiver, type ReceivedDelivery } from './support/webhook-receiver';
import { documentedVerifier } from './support/webhook-verifier';

const verify = documentedVerifier();

/**
 * SPEC §3 Webhooks: signed deliveries of what a city is told (SPEC §4), retries with backoff,
 * the delivery log, redelivery and who may manage which webhook. The receivers are real HTTP
 * servers on 127.0.0.1, hence WEBHOOK_ALLOW_PRIVATE=true here (the refusal of private targets is
 * webhooks-ssrf.e2e-spec.ts).
 */
describe('Webhooks', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;
  let sevilla: CityUser;
  let lliria: CityUser;
  let valencia: CityUser;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services, { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '1000' });
    api = running.api;
    const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    admin = api.as(adminToken);
    [sevilla, lliria, valencia] = await Promise.all(['sevilla', 'lliria', 'valencia'].map((q) => createCityUser(api, adminToken, q)));
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await running?.close();
    await receiver?.close();
    await services?.stop();
  });

  const queue = () => running.app.get<Queue>(getQueueToken(WEBHOOKS_QUEUE), { strict: false });
  const deliveriesOf = async (as: ApiClient, webhookId: string) => (await ok(as.get(`/webhooks/${webhookId}/deliveries?limit=100`))).items as any[];
  const deliveryNamed = async (as: ApiClient, webhookId: string, id: string) => (await deliveriesOf(as, webhookId)).find((d) => d.id === id);

  /** Subscribes `path` of the receiver; answers the created webhook (with its secret). */
  async function subscribe(as: ApiClient, path: string, events: string[]) {
    return ok(as.post('/webhooks', { url: receiver.url(path), events, description: `receiver ${path}` }));
  }

  /** The delivery is authentic per the published snippet, and its headers match its body. */
  function expectSigned(delivery: ReceivedDelivery, secret: string) {
    const event = verify(secret, delivery.headers, delivery.raw);
    expect(event).toEqual(delivery.json);
    expect(Object.keys(event).sort()).toEqual(['at', 'data', 'id', 'type']);
    expect(delivery.headers['x-ccx-event']).toBe(event.type);
    expect(delivery.headers['x-ccx-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(() => verify('whsec_not-the-secret', delivery.headers, delivery.raw)).toThrow('signature mismatch');
    expect(() => verify(secret, delivery.headers, Buffer.concat([delivery.raw, Buffer.from(' ')]))).toThrow('signature mismatch');
    const sixMinutesLater = Number(delivery.headers['x-ccx-timestamp']) * 1000 + 6 * 60_000;
    expect(() => verify(secret, delivery.headers, delivery.raw, { now: sixMinutesLater })).toThrow('timestamp outside');
  }

  /** Waits for the retry BullMQ scheduled for this delivery and runs it now (instead of in 21 s, 42 s…). */
  async function runRetryNow(deliveryId: string) {
    const job = await waitFor<Job>('the scheduled retry', async () => (await queue().getDelayed()).find((j) => j.data.deliveryId === deliveryId));
    await job.promote();
  }

  it('delivers each event of its city, signed, to a city’s receiver, and every event to the network’s', async () => {
    const cityTypes = [
      'PartnerInvited',
      'InvitationAccepted',
      'ProjectStarted',
      'ProjectUpdatePosted',
      'PracticeShared',
      'PracticeEndorsed',
      'PracticeCommented',
      'ExchangeRequested',
      'ProjectCompleted',
    ];
    const city = await subscribe(lliria.api, '/lliria', cityTypes);
    expect(city).toMatchObject({ cityId: lliria.cityId, url: receiver.url('/lliria'), events: cityTypes, version: 1 });
    expect(city.secret).toMatch(/^whsec_[\w-]{43}$/);
    const network = await subscribe(admin, '/network', ['ProjectProposed', 'PartnerInvited']);
    expect(network.cityId).toBeNull();

    // What concerns Llíria: invited, partner of a started project with news; its practice endorsed,
    // commented and asked for; a practice of its field shared.
    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    await ok(lliria.api.post(`/projects/${project.id}/invitations/${lliria.cityId}/accept`));
    await ok(sevilla.api.post(`/projects/${project.id}/start`));
    await ok(sevilla.api.post(`/projects/${project.id}/updates`, { text: 'First rehearsal', kind: 'news' }));
    const practice = await sharePractice(lliria, { field: 'music' });
    await ok(sevilla.api.post(`/practices/${practice.id}/endorsements`));
    await ok(sevilla.api.post(`/practices/${practice.id}/comments`, { text: 'We would love to try this' }));
    await ok(sevilla.api.post(`/practices/${practice.id}/exchanges`, { message: 'May we visit?', format: 'study-visit' }));
    await sharePractice(sevilla, { field: 'music' });
    // Not Llíria's: Valencia is invited elsewhere.
    const other = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${other.id}/invitations`, { cityId: valencia.cityId }));

    const expected = [
      'PartnerInvited',
      'ProjectStarted',
      'ProjectUpdatePosted',
      'PracticeEndorsed',
      'PracticeCommented',
      'ExchangeRequested',
      'PracticeShared',
    ];
    const got = await receiver.waitFor('Llíria’s deliveries', '/lliria', expected.length);
    for (const delivery of got) expectSigned(delivery, city.secret);
    expect(got.map((d) => d.json.type).sort()).toEqual([...expected].sort());

    // Exactly the events Llíria's inbox got (the same rules of who is told), each once.
    const inbox = await waitFor('Llíria’s inbox', async () => {
      const items = (await ok(lliria.api.get('/notifications?limit=100'))).items as { eventId: string }[];
      return items.length >= expected.length ? items : undefined;
    });
    expect(got.map((d) => d.json.id).sort()).toEqual(inbox.map((n) => n.eventId).sort());
    const invited = got.find((d) => d.json.type === 'PartnerInvited')!;
    expect(invited.json.data).toMatchObject({ projectId: project.id, cityId: lliria.cityId });
    expect(new Date(invited.json.at).toISOString()).toBe(invited.json.at);

    // The network's webhook: both projects proposed and both invitations, whoever was told.
    const networkGot = await receiver.waitFor('the network’s deliveries', '/network', 4);
    for (const delivery of networkGot) expectSigned(delivery, network.secret);
    expect(networkGot.map((d) => `${d.json.type} ${(d.json.data as { projectId?: string }).projectId ?? ''}`).sort()).toEqual(
      [`PartnerInvited ${other.id}`, `PartnerInvited ${project.id}`, `ProjectProposed ${other.id}`, `ProjectProposed ${project.id}`].sort(),
    );

    // The log shows each delivery succeeded, with the receiver's answer.
    const log = await waitFor('Llíria’s log all succeeded', async () => {
      const entries = await deliveriesOf(lliria.api, city.id);
      return entries.length === expected.length && entries.every((e) => e.status === 'succeeded') ? entries : undefined;
    });
    expect(log.map((e) => e.id).sort()).toEqual(got.map((d) => d.headers['x-ccx-delivery']).sort());
    expect(log[0]).toMatchObject({ webhookId: city.id, attempts: 1, responseStatus: 204, error: null, nextAttemptAt: null, redeliveryOf: null });
    const times = log.map((e) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('makes one delivery of an event handled twice (a replayed event)', async () => {
    const webhook = await subscribe(valencia.api, '/replay', ['PartnerInvited']);
    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: valencia.cityId }));
    await receiver.waitFor('the delivery', '/replay', 1);
    const events = await running.app.get(EventLog).listForAggregate('project', project.id);
    const invited = events.filter((e) => e.type === 'PartnerInvited');
    await running.app.get(WebhookDispatch).handleBatch(invited as never);
    // The replay's job would run at once: when the receiver's next delivery (a fresh event) arrives, none came from the replay.
    const next = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${next.id}/invitations`, { cityId: valencia.cityId }));
    const got = await receiver.waitFor('the next delivery', '/replay', 2);
    expect(got.map((d) => d.json.data.projectId)).toEqual([project.id, next.id]);
    expect((await deliveriesOf(valencia.api, webhook.id)).length).toBe(2);
    await ok(valencia.api.delete(`/webhooks/${webhook.id}`));
  });

  it('retries a failing receiver with backoff until it answers 2xx: the third try of a receiver answering 500 twice', async () => {
    const webhook = await subscribe(valencia.api, '/flaky', ['PartnerInvited']);
    receiver.answer('/flaky', { status: 500, body: 'boom' }, { status: 503, body: 'still down' });
    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: valencia.cityId }));

    const [first] = await receiver.waitFor('the first try', '/flaky', 1);
    const deliveryId = first.headers['x-ccx-delivery'] as string;
    const failed = await waitFor('the first failure logged', async () => {
      const d = await deliveryNamed(valencia.api, webhook.id, deliveryId);
      return d?.attempts === 1 ? d : undefined;
    });
    expect(failed).toMatchObject({ status: 'retrying', responseStatus: 500, responseBody: 'boom', error: 'answered 500', responseTruncated: false });
    // Exponential backoff from 21 s (minus up to 10 % jitter), driven here instead of waited for.
    const pause = Date.parse(failed.nextAttemptAt) - Date.parse(failed.lastAttemptAt);
    expect(pause).toBe(21_000);
    await runRetryNow(deliveryId);
    await receiver.waitFor('the second try', '/flaky', 2);
    const second = await waitFor('the second failure logged', async () => {
      const d = await deliveryNamed(valencia.api, webhook.id, deliveryId);
      return d?.attempts === 2 ? d : undefined;
    });
    expect(second).toMatchObject({ status: 'retrying', responseStatus: 503, responseBody: 'still down' });
    expect(Date.parse(second.nextAttemptAt) - Date.parse(second.lastAttemptAt)).toBe(42_000);
    await runRetryNow(deliveryId);

    const tries = await receiver.waitFor('the third try', '/flaky', 3);
    // The same delivery each time, signed again with its own timestamp; the same body.
    expect(new Set(tries.map((t) => t.headers['x-ccx-delivery']))).toEqual(new Set([deliveryId]));
    expect(new Set(tries.map((t) => t.raw.toString()))).toEqual(new Set([first.raw.toString()]));
    for (const t of tries) expect(() => verify(webhook.secret, t.headers, t.raw)).not.toThrow();
    const done = await waitFor('the delivery succeeded', async () => {
      const d = await deliveryNamed(valencia.api, webhook.id, deliveryId);
      return d?.status === 'succeeded' ? d : undefined;
    });
    expect(done).toMatchObject({ attempts: 3, responseStatus: 204, error: null, nextAttemptAt: null });
    await ok(valencia.api.delete(`/webhooks/${webhook.id}`));
  });

  it('logs capped answers, times out slow receivers and follows no redirect', async () => {
    const big = await subscribe(admin, '/big', ['ProjectProposed']);
    const slow = await subscribe(admin, '/slow', ['ProjectProposed']);
    const moved = await subscribe(admin, '/moved', ['ProjectProposed']);
    receiver.answer('/big', { status: 200, body: 'é'.repeat(50_000) });
    receiver.answer('/slow', 'hang');
    receiver.answer('/moved', { status: 302, headers: { location: receiver.url('/elsewhere') } });
    await proposeProject(sevilla);

    const [bigLog] = await waitFor('the big answer logged', async () => {
      const entries = await deliveriesOf(admin, big.id);
      return entries[0]?.status === 'succeeded' ? entries : undefined;
    });
    expect(bigLog).toMatchObject({ responseStatus: 200, responseTruncated: true });
    expect(Buffer.byteLength(bigLog.responseBody)).toBeLessThanOrEqual(2048);
    expect(bigLog.responseBody.startsWith('éééé')).toBe(true);

    const [slowLog] = await waitFor('the slow receiver logged', async () => {
      const entries = await deliveriesOf(admin, slow.id);
      return entries[0]?.attempts === 1 ? entries : undefined;
    });
    expect(slowLog).toMatchObject({ status: 'retrying', responseStatus: null, error: 'timed out after 1000 ms' });
    expect(slowLog.durationMs).toBeGreaterThanOrEqual(1000);

    const [movedLog] = await waitFor('the redirect logged', async () => {
      const entries = await deliveriesOf(admin, moved.id);
      return entries[0]?.attempts === 1 ? entries : undefined;
    });
    expect(movedLog).toMatchObject({ status: 'retrying', responseStatus: 302, error: `redirect to ${receiver.url('/elsewhere')} not followed` });
    expect(receiver.at('/elsewhere')).toEqual([]);
    for (const w of [big, slow, moved]) await ok(admin.delete(`/webhooks/${w.id}`));
  });

  it('redelivers a logged delivery as a new delivery of the same event', async () => {
    const webhook = await subscribe(valencia.api, '/again', ['PartnerInvited']);
    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: valencia.cityId }));
    const [original] = await receiver.waitFor('the delivery', '/again', 1);
    const originalId = original.headers['x-ccx-delivery'] as string;

    const res = await valencia.api.post(`/webhooks/${webhook.id}/deliveries/${originalId}/redeliver`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ webhookId: webhook.id, status: 'pending', attempts: 0, redeliveryOf: originalId, eventId: original.json.id });
    expect(res.body.id).not.toBe(originalId);

    const [, again] = await receiver.waitFor('the redelivery', '/again', 2);
    expect(again.headers['x-ccx-delivery']).toBe(res.body.id);
    expect(again.raw.toString()).toBe(original.raw.toString());
    expect(() => verify(webhook.secret, again.headers, again.raw)).not.toThrow();
    const log = await waitFor('both logged as succeeded', async () => {
      const entries = await deliveriesOf(valencia.api, webhook.id);
      return entries.length === 2 && entries.every((e) => e.status === 'succeeded') ? entries : undefined;
    });
    expect(log.map((e) => e.id)).toEqual([res.body.id, originalId]);

    expectProblem(await valencia.api.post(`/webhooks/${webhook.id}/deliveries/no-such-delivery/redeliver`), 404);
    await ok(valencia.api.delete(`/webhooks/${webhook.id}`));
  });

  it('lets a city manage only its own webhooks, and admins every one; never shows the secret again', async () => {
    const lliriaHook = await subscribe(lliria.api, '/mine', ['PartnerInvited']);
    const networkHook = await subscribe(admin, '/all', ['ProjectProposed']);

    const lliriaList = (await ok(lliria.api.get('/webhooks'))).items as any[];
    expect(lliriaList.map((w) => w.id)).toContain(lliriaHook.id);
    expect(lliriaList.every((w) => w.cityId === lliria.cityId)).toBe(true);
    expect(lliriaList.some((w) => 'secret' in w)).toBe(false);
    expect((await ok(valencia.api.get('/webhooks'))).items.map((w: any) => w.id)).not.toContain(lliriaHook.id);
    const all = (await ok(admin.get('/webhooks?limit=100'))).items.map((w: any) => w.id);
    expect(all).toEqual(expect.arrayContaining([lliriaHook.id, networkHook.id]));

    // Another city's webhook, or the network's, is not there for a city user.
    expectProblem(await valencia.api.get(`/webhooks/${lliriaHook.id}/deliveries`), 404, 'webhook.not-found');
    expectProblem(await valencia.api.delete(`/webhooks/${lliriaHook.id}`), 404);
    expectProblem(await lliria.api.delete(`/webhooks/${networkHook.id}`), 404);
    expectProblem(await lliria.api.get(`/webhooks/${networkHook.id}/deliveries`), 404);
    expect((await api.get('/webhooks')).status).toBe(401);
    expect((await api.post('/webhooks', { url: receiver.url(), events: ['PartnerInvited'] })).status).toBe(401);

    // An admin manages a city's webhook too; deleted, it receives nothing more.
    expect((await ok(admin.get(`/webhooks/${lliriaHook.id}/deliveries`))).items).toEqual([]);
    expect((await admin.delete(`/webhooks/${lliriaHook.id}`)).status).toBe(204);
    expectProblem(await lliria.api.get(`/webhooks/${lliriaHook.id}/deliveries`), 404);
    expect((await lliria.api.delete(`/webhooks/${networkHook.id}`)).status).toBe(404);
    expect((await admin.delete(`/webhooks/${networkHook.id}`)).status).toBe(204);
    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    await receiver.waitFor('Llíria’s first webhook still served', '/lliria', 8, () => true);
    expect(receiver.at('/mine')).toEqual([]);
    expect(receiver.at('/all')).toEqual([]);
  });

  it('refuses bad subscriptions with a 400 naming the field', async () => {
    const bad = async (as: ApiClient, body: object, field: string) => {
      const res = await as.post('/webhooks', body);
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad(lliria.api, { url: 'ftp://example.org/hook', events: ['PartnerInvited'] }, 'url');
    await bad(lliria.api, { url: 'not a url', events: ['PartnerInvited'] }, 'url');
    await bad(lliria.api, { url: 'http://user:secret@127.0.0.1/hook', events: ['PartnerInvited'] }, 'url');
    await bad(lliria.api, { url: receiver.url(), events: [] }, 'events');
    await bad(lliria.api, { url: receiver.url(), events: ['NoSuchEvent'] }, 'events');
    await bad(lliria.api, { url: receiver.url(), events: ['PartnerInvited', 'PartnerInvited'] }, 'events');
    // ProjectProposed notifies no city: only the network may follow it.
    await bad(lliria.api, { url: receiver.url(), events: ['ProjectProposed'] }, 'events');
    await bad(lliria.api, { url: receiver.url(), events: ['PartnerInvited'], secret: 'mine' }, 'secret');
    await bad(lliria.api, { url: 'http://no-such-host.invalid/hook', events: ['PartnerInvited'] }, 'url');
  });
});
