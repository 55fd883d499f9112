import { TestServices, waitFor } from '@app/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { secretKeyOf } from '../src/webhooks/secrets/secret-cipher';
import { createCityUser, type CityUser } from './support/city-users';
import { ok } from './support/http-expectations';
import { proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';
import { documentedVerifier } from './support/webhook-verifier';

const verify = documentedVerifier();

/**
 * Webhook signing secrets at rest (docs/decisions.md, "Webhooks"): what MongoDB holds is
 * AES-256-GCM ciphertext, deliveries still verify with the secret shown at creation, secrets
 * written in plain text before encryption are encrypted at the next start, and a key rotation
 * (WEBHOOK_SECRETS_PREVIOUS_KEYS) moves every secret to the new key.
 */
describe('Webhooks: secrets encrypted at rest', () => {
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);
  let services: TestServices;
  let running: RunningApp;
  let receiver: WebhookReceiver;
  let sevilla: CityUser;
  let lliria: CityUser;

  /** (Re)starts the app with these keys; the users' tokens stay valid (same JWT secret, sessions in MongoDB). */
  async function start(keys: Record<string, string>) {
    await running?.close();
    running = await startApp(services, { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '1000', ...keys });
    if (sevilla) sevilla = { ...sevilla, api: running.api.as(sevilla.token) };
    if (lliria) lliria = { ...lliria, api: running.api.as(lliria.token) };
  }

  const secrets = () =>
    running.app.get<Connection>(getConnectionToken(), { strict: false }).collection<{ _id: string; secret: string }>('webhook_secrets');
  const storedSecretOf = async (webhookId: string) => (await secrets().findOne({ _id: webhookId }))!.secret;

  /** Llíria is invited to a new project: each of its PartnerInvited webhooks gets a delivery naming it. */
  async function inviteLliria(): Promise<string> {
    const project = await proposeProject(sevilla);
    await ok(sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId }));
    return project.id;
  }

  async function expectVerifiedDelivery(path: string, projectId: string, secret: string) {
    const [delivery] = await receiver.waitFor(
      `the delivery at ${path}`,
      path,
      1,
      (r) => (r.json.data as { projectId?: string }).projectId === projectId,
    );
    expect(verify(secret, delivery.headers, delivery.raw)).toMatchObject({ type: 'PartnerInvited', data: { projectId } });
  }

  beforeAll(async () => {
    services = await TestServices.start();
    await start({ WEBHOOK_SECRETS_KEY: keyA.toString('base64') });
    const adminToken = await login(running.api, 'admin@test.local', 'admin-password-1');
    [sevilla, lliria] = await Promise.all(['sevilla', 'lliria'].map((q) => createCityUser(running.api, adminToken, q)));
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await running?.close();
    await receiver?.close();
    await services?.stop();
  });

  let fresh: { id: string; secret: string };
  let legacy: { id: string; secret: string };

  it('stores the secret encrypted, never in clear, and signs deliveries with the secret shown at creation', async () => {
    fresh = await ok(lliria.api.post('/webhooks', { url: receiver.url('/fresh'), events: ['PartnerInvited'] }));
    expect(fresh.secret).toMatch(/^whsec_[\w-]{43}$/);
    const stored = await storedSecretOf(fresh.id);
    expect(stored.startsWith(`v1:${secretKeyOf(keyA).id}:`)).toBe(true);
    expect(stored).not.toContain(fresh.secret);
    expect(stored).not.toContain(fresh.secret.slice('whsec_'.length));
    // Shown once: the list never has it.
    const listed = (await ok(lliria.api.get('/webhooks'))).items.find((w: { id: string }) => w.id === fresh.id);
    expect(listed).toBeDefined();
    expect(listed.secret).toBeUndefined();

    await expectVerifiedDelivery('/fresh', await inviteLliria(), fresh.secret);
  });

  it('still signs with a secret stored in plain text (written before encryption), and encrypts it at the next start', async () => {
    const created = await ok(lliria.api.post('/webhooks', { url: receiver.url('/legacy'), events: ['PartnerInvited'] }));
    // As a database written before this change holds it.
    legacy = { id: created.id, secret: `whsec_${randomBytes(32).toString('base64url')}` };
    await secrets().updateOne({ _id: legacy.id }, { $set: { secret: legacy.secret } });
    await expectVerifiedDelivery('/legacy', await inviteLliria(), legacy.secret);

    await start({ WEBHOOK_SECRETS_KEY: keyA.toString('base64') });
    const stored = await storedSecretOf(legacy.id);
    expect(stored.startsWith(`v1:${secretKeyOf(keyA).id}:`)).toBe(true);
    expect(stored).not.toContain(legacy.secret.slice('whsec_'.length));
    const unchanged = await storedSecretOf(fresh.id);

    const projectId = await inviteLliria();
    await expectVerifiedDelivery('/legacy', projectId, legacy.secret);
    await expectVerifiedDelivery('/fresh', projectId, fresh.secret);
    // Idempotent: another start rewrites nothing already under the current key.
    await start({ WEBHOOK_SECRETS_KEY: keyA.toString('base64') });
    expect(await storedSecretOf(fresh.id)).toBe(unchanged);
  });

  it('moves every secret to a new key at start when the old one is among WEBHOOK_SECRETS_PREVIOUS_KEYS', async () => {
    await start({ WEBHOOK_SECRETS_KEY: keyB.toString('base64'), WEBHOOK_SECRETS_PREVIOUS_KEYS: keyA.toString('base64') });
    for (const id of [fresh.id, legacy.id]) expect((await storedSecretOf(id)).startsWith(`v1:${secretKeyOf(keyB).id}:`)).toBe(true);
    const projectId = await inviteLliria();
    await expectVerifiedDelivery('/fresh', projectId, fresh.secret);
    await expectVerifiedDelivery('/legacy', projectId, legacy.secret);
  });

  it('without the key a secret is under, sends nothing and says why in the delivery log (retried: the key may come back)', async () => {
    const keyC = randomBytes(32);
    await start({ WEBHOOK_SECRETS_KEY: keyC.toString('base64') });
    // Left as it was: no configured key opens it.
    expect((await storedSecretOf(fresh.id)).startsWith(`v1:${secretKeyOf(keyB).id}:`)).toBe(true);
    const before = receiver.at('/fresh').length;
    const projectId = await inviteLliria();
    const failed = await waitFor('the failed attempt', async () => {
      const items = (await ok(lliria.api.get(`/webhooks/${fresh.id}/deliveries?limit=100`))).items as {
        status: string;
        error: string | null;
        eventId: string;
      }[];
      return items.find((d) => d.status === 'retrying');
    });
    expect(failed.error).toMatch(new RegExp(`not sent: .*under key ${secretKeyOf(keyB).id}`));
    expect(receiver.at('/fresh').filter((r) => (r.json.data as { projectId?: string }).projectId === projectId)).toHaveLength(0);
    expect(receiver.at('/fresh')).toHaveLength(before);
  });
});
