import type { Actor, EventEnvelope } from './event-envelope';

export const EVENTS_COLLECTION = 'events';
export const COUNTERS_COLLECTION = 'counters';
export const LEASES_COLLECTION = 'leases';
/** The counter document that hands out the global `seq`. */
export const EVENT_SEQ_COUNTER = 'events';

/** An event as stored: the envelope plus its outbox state. */
export interface EventDocument {
  _id: string;
  seq: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  at: Date;
  data: unknown;
  /** Set when a process claimed it for publishing; null while it waits for (re)delivery. */
  dispatchedAt: Date | null;
  /** Identifies the current claim, so only that delivery's failure can un-claim it. */
  claimId: string | null;
  /** Failed deliveries so far. */
  attempts: number;
  /** When a failed event is due again; null for a fresh event (then `at` + relay delay applies). */
  nextAttemptAt: Date | null;
}

export interface CounterDocument {
  _id: string;
  seq: number;
}

export interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export function toEnvelope(doc: EventDocument): EventEnvelope {
  return {
    id: doc._id,
    seq: doc.seq,
    type: doc.type,
    aggregateType: doc.aggregateType,
    aggregateId: doc.aggregateId,
    actor: doc.actor,
    correlationId: doc.correlationId,
    causationId: doc.causationId ?? null,
    at: doc.at,
    data: doc.data,
  };
}
