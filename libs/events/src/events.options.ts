import type { EventClasses } from './define-event';

/** How the consumers of this process follow the event log (see docs/events-backbone.md). */
export interface ConsumerOptions {
  /** Run the consumers registered in this process (default true). Scripts turn it off. */
  enabled?: boolean;
  /** Fallback poll when no commit signal arrives, in ms (default 1000). */
  pollIntervalMs?: number;
  /** How long a shared consumer's runner holds its lease without renewing it (default 10000). */
  leaseMs?: number;
  /** Events read per batch (default 100). */
  batchSize?: number;
  /** Attempts at one event before it is parked as a dead letter (default 5). */
  maxAttempts?: number;
  /** First retry delay after a failure; doubles with each attempt (default 500). */
  backoffBaseMs?: number;
  /** Cap of the retry delay (default 30000). */
  backoffMaxMs?: number;
  /** A consumer behind the head whose checkpoint has not moved for this long is stuck (default 60000). */
  stuckAfterMs?: number;
}

/**
 * Wakes the consumers of other processes when this one commits (e.g. Redis pub/sub). Optional:
 * without it other processes notice new events at their next poll.
 */
export interface CommitNudge {
  publish(seq: number): void;
  subscribe(onCommit: (seq: number) => void): void;
}

export interface EventsModuleOptions {
  /** Event classes owned by the importing scope; modules may add theirs with `EventsModule.forFeature`. */
  events?: EventClasses;
  consumers?: ConsumerOptions;
}

export type ResolvedConsumerOptions = Required<ConsumerOptions>;

export interface ResolvedEventsOptions {
  consumers: ResolvedConsumerOptions;
}

export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');
export const COMMIT_NUDGE = Symbol('COMMIT_NUDGE');

export const CONSUMER_DEFAULTS: ResolvedConsumerOptions = {
  enabled: true,
  pollIntervalMs: 1000,
  leaseMs: 10_000,
  batchSize: 100,
  maxAttempts: 5,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  stuckAfterMs: 60_000,
};

/** Fills defaults and rejects nonsense at start-up, naming the setting. */
export function resolveEventsOptions(options: EventsModuleOptions = {}): ResolvedEventsOptions {
  const consumers: ResolvedConsumerOptions = { ...CONSUMER_DEFAULTS, ...stripUndefined(options.consumers ?? {}) };
  for (const key of ['pollIntervalMs', 'leaseMs', 'batchSize', 'maxAttempts', 'backoffBaseMs', 'backoffMaxMs', 'stuckAfterMs'] as const) {
    const value = consumers[key];
    if (!Number.isFinite(value) || value < 1) throw new Error(`EventsModule: consumers.${key} must be a number >= 1, got ${String(value)}`);
  }
  if (consumers.backoffMaxMs < consumers.backoffBaseMs) throw new Error('EventsModule: consumers.backoffMaxMs must be >= consumers.backoffBaseMs');
  return { consumers };
}

/** Delay before retrying an event that failed `attempts` times: base, 2×base, 4×base… capped. */
export function retryDelay(attempts: number, { backoffBaseMs, backoffMaxMs }: ResolvedConsumerOptions): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  return Math.min(backoffMaxMs, backoffBaseMs * 2 ** exponent);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
