import { staleVersionCode } from './aggregate-errors';
import { ConflictError } from './domain-errors';

/** How `retryOnStale` spaces its tries: full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"). */
export interface StaleRetryBackoff {
  /** Upper bound of the first pause; it doubles with each try. */
  baseDelayMs: number;
  /** No pause is longer than this. */
  maxDelayMs: number;
  /** Injected by tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * 5 ms doubling to 250 ms: a burst of writers on one aggregate spreads over a few hundred ms instead of
 * reloading in lock-step (without jitter, the losers of one round collide again in the next).
 */
export const STALE_RETRY_BACKOFF: StaleRetryBackoff = { baseDelayMs: 5, maxDelayMs: 250 };

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pause before try `n + 1` after `n` stale tries: uniform in [0, min(max, base·2^(n-1))). */
export function staleRetryDelay(n: number, backoff: StaleRetryBackoff = STALE_RETRY_BACKOFF): number {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.min(n - 1, 30));
  return Math.floor((backoff.random ?? Math.random)() * ceiling);
}

/**
 * Runs `attempt` again while it fails with `<aggregateType>.stale-version`, up to `maxAttempts`
 * tries: another command saved the aggregate in between, so the work reloads it and the rules are
 * checked again on the fresh state (a change that became illegal meanwhile is still refused).
 * Between tries it waits a jittered, growing pause, so that N independent commands racing on one
 * aggregate all get through (each round one wins; the others spread out instead of colliding again).
 * Commands whose client sent the version it read (PATCH with `version`) do not use this: for them a
 * stale version is the answer.
 */
export async function retryOnStale<T>(
  aggregateType: string,
  maxAttempts: number,
  attempt: () => Promise<T>,
  backoff: StaleRetryBackoff = STALE_RETRY_BACKOFF,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const stale = error instanceof ConflictError && error.code === staleVersionCode(aggregateType);
      if (!stale || n >= maxAttempts) throw error;
    }
    await (backoff.sleep ?? sleepMs)(staleRetryDelay(n, backoff));
  }
}
