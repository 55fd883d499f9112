import type { IdempotencyStore } from './idempotency.store';

/**
 * Keeps a claimed key's lease alive while its request runs: renews every third of the lease, so
 * two missed renewals (a slow write, a busy event loop) still leave it held. A failed renewal is
 * tried again at the next tick; the timer never keeps the process alive.
 */
export class PendingLease {
  private readonly timer: NodeJS.Timeout;

  constructor(store: IdempotencyStore, id: string, owner: string) {
    this.timer = setInterval(() => void store.renew(id, owner).catch(() => undefined), Math.max(1, Math.floor(store.pendingLeaseMs / 3)));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
