import { defineEvent, type EventMapOf, type EventUnion } from '@app/events';
import { z } from 'zod';
import { described, eventId as id, eventText as text } from '../../shared/event-schema';
import { EXCHANGE_FORMATS } from './exchange-state';

/**
 * The events of the exchange aggregate (SPEC §4), each defined once as the zod schema of its
 * payload. Every payload names both cities, so "notify the other side" needs nothing else, and the
 * practice it is about (id, and title when requested). Absent optional values are `null`.
 */

export const EXCHANGE_AGGREGATE = 'exchange';

const date = z.iso.date();

const base = {
  exchangeId: id,
  practiceId: id,
  practiceTitle: text.describe('the practice’s title when the exchange was requested'),
  hostCityId: id.describe('the practice’s author city, which answers'),
  requesterCityId: id.describe('the city that asked'),
  format: z.enum(EXCHANGE_FORMATS).meta({ title: 'ExchangeFormat' }),
};

export const ExchangeRequested = defineEvent(
  'ExchangeRequested',
  EXCHANGE_AGGREGATE,
  described(
    'A city asked the author city of a practice for an exchange (notified to the host).',
    z.strictObject({ ...base, message: text, proposedDates: z.strictObject({ from: date, to: date }).nullable() }),
  ),
);
export const ExchangeAccepted = defineEvent(
  'ExchangeAccepted',
  EXCHANGE_AGGREGATE,
  described('The host accepted (notified to the requester).', z.strictObject({ ...base, message: text.nullable().describe('the host’s answer') })),
);
export const ExchangeDeclined = defineEvent(
  'ExchangeDeclined',
  EXCHANGE_AGGREGATE,
  described('The host declined (notified to the requester).', z.strictObject({ ...base, message: text.nullable().describe('the host’s answer') })),
);
export const ExchangeCancelled = defineEvent(
  'ExchangeCancelled',
  EXCHANGE_AGGREGATE,
  described(
    'The requester called the exchange off (notified to the host).',
    z.strictObject({ ...base, reason: text.nullable(), previousStatus: z.enum(['requested', 'accepted']) }),
  ),
);
export const ExchangeCompleted = defineEvent(
  'ExchangeCompleted',
  EXCHANGE_AGGREGATE,
  described(
    'The requester completed the exchange with feedback and a rating (notified to the host).',
    z.strictObject({ ...base, feedback: text, rating: z.number().int().min(1).max(5) }),
  ),
);

export const EXCHANGE_EVENTS = [ExchangeRequested, ExchangeAccepted, ExchangeDeclined, ExchangeCancelled, ExchangeCompleted] as const;

/** Event type → payload: the `E` of `AggregateRoot<E>` for `Exchange`. */
export type ExchangeEventMap = EventMapOf<typeof EXCHANGE_EVENTS>;
/** The union of the exchange events, narrowed by `event.type`. */
export type ExchangeEvent = EventUnion<typeof EXCHANGE_EVENTS>;
