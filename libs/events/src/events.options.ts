import type { EventClasses } from './define-event';

/** Settings of the relay that republishes events the after-commit path did not deliver. */
export interface RelayOptions {
  /** Run the relay in this process (default true). Turn it off in processes without the handlers. */
  enabled?: boolean;
  /** Pause between two polls, in ms (default 200). */
  intervalMs?: number;
  /** Age an undispatched event must reach before the relay takes it (default 1000), so the
   *  after-commit path of the writing process normally wins. */
  delayMs?: number;
  /** How long one relay instance holds the lease without renewing it (default 10000). */
  leaseMs?: number;
  /** Events published per poll at most (default 100). */
  batchSize?: number;
  /** First redelivery delay after a failure; doubles with each attempt (default 1000). */
  backoffBaseMs?: number;
  /** Cap of the redelivery delay (default 30000). */
  backoffMaxMs?: number;
}

export interface EventsModuleOptions {
  /** Event classes owned by the importing scope; modules may add theirs with `EventsModule.forFeature`. */
  events?: EventClasses;
  relay?: RelayOptions;
  /**
   * Publish events on this process's EventBus right after commit (default true). Scripts (seed,
   * import) turn it off: their events are stored and left for a server's relay, whose handlers
   * (read models, notifications) are the ones that must see them.
   */
  publishAfterCommit?: boolean;
}

export type ResolvedRelayOptions = Required<RelayOptions>;

export interface ResolvedEventsOptions {
  relay: ResolvedRelayOptions;
  publishAfterCommit: boolean;
}

export const EVENTS_OPTIONS = Symbol('EVENTS_OPTIONS');

export const RELAY_DEFAULTS: ResolvedRelayOptions = {
  enabled: true,
  intervalMs: 200,
  delayMs: 1000,
  leaseMs: 10_000,
  batchSize: 100,
  backoffBaseMs: 1000,
  backoffMaxMs: 30_000,
};

/** Fills defaults and rejects nonsense at start-up, naming the setting. */
export function resolveEventsOptions(options: EventsModuleOptions = {}): ResolvedEventsOptions {
  const relay: ResolvedRelayOptions = { ...RELAY_DEFAULTS, ...stripUndefined(options.relay ?? {}) };
  for (const key of ['intervalMs', 'delayMs', 'leaseMs', 'batchSize', 'backoffBaseMs', 'backoffMaxMs'] as const) {
    const value = relay[key];
    const min = key === 'delayMs' ? 0 : 1;
    if (!Number.isFinite(value) || value < min) {
      throw new Error(`EventsModule: relay.${key} must be a number >= ${min}, got ${String(value)}`);
    }
  }
  if (relay.backoffMaxMs < relay.backoffBaseMs) {
    throw new Error('EventsModule: relay.backoffMaxMs must be >= relay.backoffBaseMs');
  }
  return { relay, publishAfterCommit: options.publishAfterCommit ?? true };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
