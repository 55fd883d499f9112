import { ok } from '../support/http-expectations';
import { proposeProject } from '../support/projects';
import { WebhookReceiver } from '../support/webhook-receiver';
import { webAppWith } from './support/accounts-pages';
import { openAsAdmin } from './support/admin-pages';
import { scrollWidth, seriousViolations } from './support/practices-pages';

jest.setTimeout(90_000);

/**
 * Webhooks in Chromium, for a city's IT: add one (the secret shown once), see a real delivery in
 * its log and send it again, remove it. The receiver is an HTTP server on 127.0.0.1, hence
 * WEBHOOK_ALLOW_PRIVATE here.
 */
describe('Webhooks in a browser', () => {
  const { app, admin, users, open, origin } = webAppWith(['bilbao', 'valencia'], { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '2000' });
  const [bilbao, valencia] = users;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(() => receiver?.close());

  it('Bilbao’s IT adds a webhook, sees the invitation delivered, sends it again, then removes it', async () => {
    const page = await open();
    await openAsAdmin(page, bilbao.api, bilbao.token);
    await page.goto(`${origin()}/account`);
    await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Webhooks (IT)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No webhook yet. Add the address of your system below.').waitFor();

    await page.getByRole('button', { name: 'Add the webhook' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Address (URL): Enter the address to call.' }).waitFor();
    await summary.getByRole('link', { name: 'Events to send: Tick at least one event.' }).waitFor();

    await page.getByRole('textbox', { name: 'Address (URL)' }).fill(receiver.url('/bilbao'));
    await page.getByRole('checkbox', { name: 'PartnerInvited' }).check();
    await page.getByRole('textbox', { name: 'Description' }).fill('Our CRM');
    await page.getByRole('button', { name: 'Add the webhook' }).click();
    await page.getByRole('status').filter({ hasText: 'it is shown only this once' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Signing secret' }).inputValue()).toMatch(/^\S{32,}$/);
    const list = page.getByRole('list', { name: 'Addresses told of events' });
    await list.getByRole('link', { name: receiver.url('/bilbao') }).waitFor();
    // The secret is not shown again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Signing secret' }).count()).toBe(0);

    // Valencia invites Bilbao: the receiver is told, and the log shows it.
    const project = await proposeProject(valencia, `Rivers of music ${Date.now().toString(36)}`);
    await ok(valencia.api.post(`/projects/${project.id}/invitations`, { cityId: bilbao.cityId }));
    await receiver.waitFor('the invitation delivered', '/bilbao', 1);
    await list.getByRole('link', { name: receiver.url('/bilbao') }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhook' }).waitFor();
    const log = page.getByRole('list', { name: 'Deliveries, newest first' });
    await log.getByRole('listitem').filter({ hasText: 'PartnerInvited · Delivered · HTTP 204' }).waitFor();
    await log.getByRole('button', { name: /^Send again: PartnerInvited of / }).click();
    await page.getByRole('status').filter({ hasText: 'PartnerInvited is being sent again' }).waitFor();
    await receiver.waitFor('the redelivery', '/bilbao', 2);
    await log.getByRole('listitem').filter({ hasText: 'a redelivery' }).waitFor();

    await page.getByRole('button', { name: 'Remove this webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this webhook?' });
    await dialog.getByText(/is no longer told of any event/).waitFor();
    await dialog.getByRole('button', { name: 'Remove the webhook' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await page.getByText('No webhook yet. Add the address of your system below.').waitFor();
  });

  it('the webhook pages: no serious or critical axe violation, nothing scrolls sideways at 360 px; admins reach the network’s', async () => {
    const created = await ok(admin.post('/webhooks', { url: receiver.url('/network'), events: ['ProjectProposed'], description: 'Secretariat' }));
    const found: string[] = [];
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 360, height: 740 },
    ]) {
      const page = await open({ viewport });
      await openAsAdmin(page, admin, app.adminToken);
      await page.goto(`${origin()}/admin`);
      await page.getByRole('link', { name: "The network's webhooks" }).click();
      for (const path of ['/webhooks', `/webhooks/${created.id}`]) {
        if (path !== '/webhooks') await page.goto(`${origin()}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
        found.push(...(await seriousViolations(page, `${path} at ${viewport.width}px`)));
        if (viewport.width === 360) expect([path, await scrollWidth(page)]).toEqual([path, 360]);
      }
    }
    expect(found).toEqual([]);
  });
});
