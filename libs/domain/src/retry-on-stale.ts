import { staleVersionCode } from './aggregate-errors';
import { ConflictError } from './domain-errors';

/**
 * Runs `attempt` again while it fails with `<aggregateType>.stale-version`, up to `maxAttempts`
 * tries: another command saved the aggregate in between, so the work reloads it and the rules are
 * checked again on the fresh state (a change that became illegal meanwhile is still refused).
 * Commands whose client sent the version it read (PATCH with `version`) do not use this: for them a
 * stale version is the answer.
 */
export async function retryOnStale<T>(aggregateType: string, maxAttempts: number, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const stale = error instanceof ConflictError && error.code === staleVersionCode(aggregateType);
      if (!stale || n >= maxAttempts) throw error;
    }
  }
}
