import type { Actor, EventEnvelope } from './event-envelope';

export const EVENTS_COLLECTION = 'events';
export const COUNTERS_COLLECTION = 'counters';
export const SUBSCRIPTIONS_COLLECTION = 'subscriptions';
export const DEAD_LETTERS_COLLECTION = 'dead_letters';
/** The counter document that hands out the global `seq`. */
export const EVENT_SEQ_COUNTER = 'events';

/** An event as stored. Consumers track their own position in the log (`subscriptions`). */
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
}

export interface CounterDocument {
  _id: string;
  seq: number;
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
