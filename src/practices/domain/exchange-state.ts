/** The vocabulary of an exchange's state (SPEC §3), shared by the aggregate, its events and views. */

export const EXCHANGE_FORMATS = ['online', 'study-visit', 'mentoring', 'staff-exchange'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

/**
 * `requested → accepted → completed`; `requested → declined`; `requested | accepted → cancelled`.
 * Declined, cancelled and completed exchanges accept no change.
 */
export const EXCHANGE_STATUSES = ['requested', 'accepted', 'declined', 'cancelled', 'completed'] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

/** Requested or accepted: the requester may not ask again for the same practice meanwhile. */
export const OPEN_EXCHANGE_STATUSES: readonly ExchangeStatus[] = ['requested', 'accepted'];

export interface DateRange {
  from: string;
  to: string;
}

/** Everything the repository stores, as is, and what `Exchange.restore` takes back. Absent values are `null`. */
export interface ExchangeSnapshot {
  id: string;
  practiceId: string;
  /** The practice's title when the exchange was requested. */
  practiceTitle: string;
  hostCityId: string;
  requesterCityId: string;
  status: ExchangeStatus;
  format: ExchangeFormat;
  message: string;
  proposedDates: DateRange | null;
  /** The host's message with its answer (accept or decline). */
  response: string | null;
  cancelReason: string | null;
  feedback: string | null;
  rating: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
