import { aggregateErrors, staleVersionCode, type CodeOf } from '@app/domain';

/** Stable codes of the exchange rules (→ 409) and rights (→ 403); never rename one. */
export const ExchangeRule = {
  /** The author city asks for an exchange on its own practice. */
  OwnPractice: 'exchange.own-practice',
  /** The city already has a requested or accepted exchange on this practice. */
  AlreadyOpen: 'exchange.already-open',
  /** Accept or decline an exchange that is not (or no longer) `requested`. */
  NotRequested: 'exchange.not-requested',
  /** Complete an exchange that was not accepted. */
  NotAccepted: 'exchange.not-accepted',
  /** Complete an exchange twice. */
  AlreadyCompleted: 'exchange.already-completed',
  /** Cancel an exchange that is completed, declined or cancelled. */
  Closed: 'exchange.closed',
} as const;
export type ExchangeRuleCode = CodeOf<typeof ExchangeRule>;

export const EXCHANGE_STALE_VERSION = staleVersionCode('exchange');

export const ExchangeRight = {
  /** Only the host city (the practice's author) answers a request. */
  HostOnly: 'exchange.host-only',
  /** Only the requesting city cancels or completes. */
  RequesterOnly: 'exchange.requester-only',
  /** Only the two cities and admins may see an exchange. */
  PartiesOnly: 'exchange.parties-only',
  NotYourCity: 'exchange.not-your-city',
  /** Asking needs a city: the user's own, or one an admin names. */
  CityRequired: 'exchange.city-required',
} as const;
export type ExchangeRightCode = CodeOf<typeof ExchangeRight>;

export const { rule: exchangeRule, forbidden: exchangeForbidden } = aggregateErrors<ExchangeRuleCode, ExchangeRightCode>('exchange');
