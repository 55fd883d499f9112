import type { components } from '../../api/schema';

export type Exchange = components['schemas']['ExchangeView'];
export type ExchangeStatus = Exchange['status'];
export type ExchangeAction = 'accept' | 'decline' | 'cancel' | 'complete';

export interface Actor {
  role: 'admin' | 'city';
  cityId: string | null;
}

/** Which side of the exchange the user's city is on (null: neither, e.g. the secretariat). */
export function sideOf(exchange: Exchange, cityId: string | null): 'host' | 'requester' | null {
  if (cityId && cityId === exchange.hostCityId) return 'host';
  if (cityId && cityId === exchange.requesterCityId) return 'requester';
  return null;
}

/**
 * The actions this user may take now, as the API allows them: the host accepts or declines a
 * request; the requester cancels before it is completed, and marks an accepted one as happened
 * (with feedback and a rating, once). Admins may act for either side.
 */
export function exchangeActions(exchange: Exchange, actor: Actor): ExchangeAction[] {
  const side = sideOf(exchange, actor.cityId);
  const admin = actor.role === 'admin';
  const host = admin || side === 'host';
  const requester = admin || side === 'requester';
  switch (exchange.status) {
    case 'requested':
      return [...(host ? (['accept', 'decline'] as const) : []), ...(requester ? (['cancel'] as const) : [])];
    case 'accepted':
      return requester ? ['complete', 'cancel'] : [];
    default:
      return [];
  }
}

/** Actions that cannot be undone: they ask for confirmation naming what happens. */
export const isDestructive = (action: ExchangeAction) => action === 'decline' || action === 'cancel';

/**
 * After a 409 (someone acted first), the plain-words key saying what happened, from the reloaded
 * exchange: who moved it to its new state.
 */
export function conflictKey(fresh: Exchange): string {
  switch (fresh.status) {
    case 'accepted':
    case 'declined':
      return `conflict.host.${fresh.status}`;
    case 'cancelled':
    case 'completed':
      return `conflict.requester.${fresh.status}`;
    default:
      return 'conflict.changed';
  }
}
