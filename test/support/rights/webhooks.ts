import type { Call, Right } from '../rights-matrix';

/** A public target: the rights suite runs with WEBHOOK_ALLOW_PRIVATE=false. */
const PUBLIC_URL = 'https://93.184.215.14/ccx-webhooks';
/** No webhook has this id: the operations on one webhook answer 404 once past the rights checks. */
const NO_WEBHOOK = { id: '0b7c2a1e-0000-4000-a000-00000000feed', deliveryId: '0b7c2a1e-0000-4000-a000-00000000d001' };
const WHY_404 =
  'a webhook is looked up before anything else and one the caller may not manage — another city’s, or the network’s for a city user — is answered as missing (webhook-policy.ts assertManages), so cities learn nothing of each other’s integrations';

/**
 * The rows of webhooks (src/webhooks); see rights-matrix.ts for what each field means. A city user
 * manages its city's webhooks, an admin the network's and every city's. The world holds no webhook,
 * so the rows on one webhook name none: what they prove is the 401 and that no allowed actor is
 * refused; test/webhooks.e2e-spec.ts checks the 404 for another city's webhook on a real one.
 */
export const webhooksRights: Record<string, Right> = {
  // A city user subscribes its city, an admin the network (ownerFor in webhook-policy.ts).
  'POST /api/v1/webhooks': { access: 'signed-in', call: (): Call => ({ body: { url: PUBLIC_URL, events: ['ProjectCancelled'] } }) },
  'GET /api/v1/webhooks': { access: 'signed-in', call: (): Call => ({}) },
  'DELETE /api/v1/webhooks/{id}': {
    access: 'city-member',
    members: ['a'],
    outsider: 404,
    why: WHY_404,
    call: (): Call => ({ params: { id: NO_WEBHOOK.id } }),
  },
  'GET /api/v1/webhooks/{id}/deliveries': {
    access: 'city-member',
    members: ['a'],
    outsider: 404,
    why: WHY_404,
    call: (): Call => ({ params: { id: NO_WEBHOOK.id } }),
  },
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    access: 'city-member',
    members: ['a'],
    outsider: 404,
    why: WHY_404,
    call: (): Call => ({ params: NO_WEBHOOK }),
  },
};
