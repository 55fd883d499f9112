import { waitFor } from '@app/testing';
import { ok } from '../http-expectations';
import { proposeProject } from '../projects';
import type { Recipe, World } from './recipe';

/**
 * A receiver on a public address (this suite runs with WEBHOOK_ALLOW_PRIVATE=false, so a local
 * receiver would be refused); what it answers does not matter here: the log records any outcome.
 */
const PUBLIC_URL = 'https://93.184.215.14/ccx-webhooks';

/** A webhook of C's city. */
const cWebhook = (w: World, events = ['PartnerInvited']): Promise<{ id: string }> => ok(w.c.api.post('/webhooks', { url: PUBLIC_URL, events }));

/** A webhook of C with one delivery in its log: A invites C to a new project. */
async function webhookWithDelivery(w: World): Promise<{ webhookId: string; deliveryId: string }> {
  const webhook = await cWebhook(w);
  const project = await proposeProject(w.a);
  await ok(w.a.api.post(`/projects/${project.id}/invitations`, { cityId: w.c.cityId }));
  const deliveryId = await waitFor(
    'a delivery in the log',
    async () => ((await ok(w.c.api.get(`/webhooks/${webhook.id}/deliveries`))).items as { id: string }[])[0]?.id,
    10_000,
  );
  return { webhookId: webhook.id, deliveryId };
}

/** The recipes of webhooks (src/webhooks). */
export const webhooksRecipes: Record<string, Recipe> = {
  'POST /api/v1/webhooks': async (w) => ({
    as: w.c.api,
    path: '/webhooks',
    body: { url: PUBLIC_URL, events: ['PartnerInvited'], description: 'Intranet' },
  }),
  'GET /api/v1/webhooks': async (w) => {
    await cWebhook(w);
    return { as: w.c.api, path: '/webhooks' };
  },
  'DELETE /api/v1/webhooks/{id}': async (w) => ({ as: w.c.api, path: `/webhooks/${(await cWebhook(w)).id}` }),
  'GET /api/v1/webhooks/{id}/deliveries': async (w) => ({ as: w.c.api, path: `/webhooks/${(await webhookWithDelivery(w)).webhookId}/deliveries` }),
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': async (w) => {
    const { webhookId, deliveryId } = await webhookWithDelivery(w);
    return { as: w.c.api, path: `/webhooks/${webhookId}/deliveries/${deliveryId}/redeliver` };
  },
};
