/** Provider token of the idempotency settings (tests shorten the lease). */
export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

export interface IdempotencyOptions {
  /**
   * How long a pending key stays claimed without renewal. The running request renews it every
   * third of this; after a crash a retry may run once it ran out. 10 s: like CONSUMER_LEASE_MS, well
   * above a slow command's renewal gap, short enough that a client's retry after a crash succeeds soon.
   */
  pendingLeaseMs: number;
}

export const DEFAULT_IDEMPOTENCY_OPTIONS: IdempotencyOptions = { pendingLeaseMs: 10_000 };
