import { TestServices, waitFor, type ApiClient } from '@app/testing';
import { WebhookResolver, type ResolvedAddress } from '../src/webhooks/delivery/webhook-resolver';
import { createCityUser, type CityUser } from './support/city-users';
import { expectProblem, ok } from './support/http-expectations';
import { proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * SPEC §3 Webhooks: never to a private, loopback or link-local address unless the operator allows
 * it. Here the operator does not (WEBHOOK_ALLOW_PRIVATE=false): the target is refused when
 * subscribing, and again when delivering to a host name that resolved to a public address then
 * and to this machine now (DNS rebinding). The name resolver is swapped in the running app to
 * play the rebinding; `localhost` is resolved by the system, as in production.
 */
describe('Webhooks: private targets refused', () => {
  let services: TestServices;
  let running: RunningApp;
  let admin: ApiClient;
  let sevilla: CityUser;
  let lliria: CityUser;
  let receiver: WebhookReceiver;
  /** What the swapped resolver answers for `rebind.test`. */
  let rebindTo: ResolvedAddress[];

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services, { WEBHOOK_ALLOW_PRIVATE: 'false' });
    const adminToken = await login(running.api, 'admin@test.local', 'admin-password-1');
    admin = running.api.as(adminToken);
    [sevilla, lliria] = await Promise.all(['sevilla', 'lliria'].map((q) => createCityUser(running.api, adminToken, q)));
    receiver = await WebhookReceiver.start();
    const resolver = running.app.get(WebhookResolver, { strict: false });
    const system = resolver.resolve.bind(resolver);
    jest.spyOn(resolver, 'resolve').mockImplementation(async (host) => (host === 'rebind.test' ? rebindTo : system(host)));
  });

  afterAll(async () => {
    await running?.close();
    await receiver?.close();
    await services?.stop();
  });

  it('refuses, when subscribing, a URL whose host is or resolves to a private, loopback or link-local address', async () => {
    const port = receiver.port;
    const refused = [
      `http://localhost:${port}/hook`, // resolved by the system: 127.0.0.1 (and ::1)
      `http://127.0.0.1:${port}/hook`,
      `http://[::1]:${port}/hook`,
      `http://[::ffff:127.0.0.1]:${port}/hook`, // IPv4-mapped IPv6
      `http://[::ffff:7f00:1]:${port}/hook`, // the same, in hex
      'http://169.254.169.254/latest/meta-data/', // link-local: cloud metadata
      'http://[fe80::1]/hook',
      'http://10.0.0.8/hook',
      'http://192.168.1.20/hook',
      'http://[fd00::8]/hook',
      'http://0.0.0.0/hook',
      'http://2130706433/hook', // 127.0.0.1 as one decimal number (the URL parser normalizes it)
    ];
    for (const url of refused) {
      const res = await lliria.api.post('/webhooks', { url, events: ['PartnerInvited'] });
      expectProblem(res, 400);
      expect({ url, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ url, fields: ['url'] });
    }
    expectProblem(await admin.post('/webhooks', { url: `http://localhost:${port}/hook`, events: ['ProjectProposed'] }), 400);
    expect((await ok(lliria.api.get('/webhooks'))).items).toEqual([]);
    // A public address is fine (nothing is sent to it here: it follows no event that happens).
    expect((await lliria.api.post('/webhooks', { url: 'https://93.184.215.14/hook', events: ['ProjectCancelled'] })).status).toBe(201);
  });

  it('refuses, when delivering, a host name that resolves to a private address now (DNS rebinding)', async () => {
    rebindTo = [{ address: '93.184.215.14', family: 4 }];
    const webhook = await ok(lliria.api.post('/webhooks', { url: `http://rebind.test:${receiver.port}/hook`, events: ['PartnerInvited'] }));

    // The name now points at this machine, where a receiver listens.
    rebindTo = [{ address: '127.0.0.1', family: 4 }];
    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));

    const [attempt] = await waitFor('the refused attempt logged', async () => {
      const entries = (await ok(lliria.api.get(`/webhooks/${webhook.id}/deliveries`))).items as any[];
      return entries[0]?.attempts === 1 ? entries : undefined;
    });
    expect(attempt).toMatchObject({ type: 'PartnerInvited', status: 'retrying', responseStatus: null, responseBody: null });
    expect(attempt.error).toBe('refused: rebind.test resolves to 127.0.0.1, a private, loopback or reserved address');
    expect(receiver.received).toEqual([]);

    // One private answer among public ones is refused as well (the socket could pick either).
    rebindTo = [
      { address: '93.184.215.14', family: 4 },
      { address: '::ffff:10.0.0.1', family: 6 },
    ];
    const again = await ok(lliria.api.post(`/webhooks/${webhook.id}/deliveries/${attempt.id}/redeliver`));
    const redelivery = await waitFor('the redelivery refused', async () => {
      const entries = (await ok(lliria.api.get(`/webhooks/${webhook.id}/deliveries`))).items as any[];
      const found = entries.find((e) => e.id === again.id);
      return found?.attempts === 1 ? found : undefined;
    });
    expect(redelivery.error).toBe('refused: rebind.test resolves to ::ffff:10.0.0.1, a private, loopback or reserved address');
    expect(receiver.received).toEqual([]);
  });
});
