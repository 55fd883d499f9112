/** Who caused an event: the user and the city they acted for (null for the system/admin). */
export interface Actor {
  userId: string | null;
  cityId: string | null;
}

/**
 * A domain event as stored in the `events` collection and carried on the EventBus, in queues and
 * to browsers. `seq` is global and strictly increasing in commit order.
 */
export interface EventEnvelope<T = unknown> {
  id: string;
  seq: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  at: Date;
  data: T;
}

/** What a command handler knows about the request that caused it; copied onto every event. */
export interface CommandContext {
  actor: Actor;
  /** `admin` may act on any resource; `system` is used by seeds, imports and the relay. */
  role: 'admin' | 'city' | 'system';
  correlationId: string;
  causationId?: string | null;
}
