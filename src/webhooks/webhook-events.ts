import { NOTIFIED_TYPES } from '../notifications/contracts';
import { PRACTICE_EVENTS } from '../practices/contracts';
import { PROJECT_EVENTS } from '../projects/contracts';

/** The events the webhooks channel follows: the producers' events that notifications follow. */
export const WEBHOOK_EVENTS = [...PROJECT_EVENTS, ...PRACTICE_EVENTS] as const;

/** What the network's (admin) subscriptions may name: every followed event type. */
export const NETWORK_EVENT_TYPES: readonly string[] = WEBHOOK_EVENTS.map((e) => e.type);

/**
 * What a city's subscriptions may name: the types that notify a city (SPEC §4). A type that
 * notifies nobody would never reach a city's webhook, so naming it is a 400, not a silent no-op.
 */
export const CITY_EVENT_TYPES: readonly string[] = NOTIFIED_TYPES;
