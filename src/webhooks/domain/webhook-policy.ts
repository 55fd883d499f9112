import { ForbiddenError, NotFoundError } from '@app/domain';

/** Who acts: an admin (the network) or a city user (its city). */
export interface WebhookActor {
  role: 'admin' | 'city' | 'system';
  cityId: string | null;
}

/**
 * The owner of a webhook the actor creates: the network (`null`) for an admin, else the actor's
 * city. A city user without a city cannot have webhooks.
 */
export function ownerFor(actor: WebhookActor): string | null {
  if (actor.role === 'admin' || actor.role === 'system') return null;
  if (!actor.cityId) throw new ForbiddenError('webhook.no-city', 'Only a city user (for its city) or an admin (for the network) may manage webhooks');
  return actor.cityId;
}

/** Which webhooks the actor sees: admins every one, a city user its city's. */
export function visibleOwner(actor: WebhookActor): string | 'all' {
  if (actor.role === 'admin' || actor.role === 'system') return 'all';
  if (!actor.cityId) throw new ForbiddenError('webhook.no-city', 'Only a city user (for its city) or an admin (for the network) may manage webhooks');
  return actor.cityId;
}

/**
 * Throws unless the actor may manage this webhook. Another city's webhook, or the network's for a
 * city user, is answered as missing (404): a city learns nothing of other cities' integrations.
 */
export function assertManages<W extends { cityId: string | null }>(actor: WebhookActor, id: string, webhook: W | null): W {
  const owner = visibleOwner(actor);
  if (!webhook || (owner !== 'all' && webhook.cityId !== owner)) throw new NotFoundError('webhook', id);
  return webhook;
}
