import { ConflictError } from '@app/domain';

/**
 * Tries of a load → change → save before a stale version reaches the client. Endorsements, comments
 * and exchange requests by many cities at once all bump the practice's version; each round one of
 * them wins, so the bound is generous.
 */
const MAX_ATTEMPTS = 25;

/**
 * Runs `attempt` again while it fails with `<aggregateType>.stale-version`: another command saved
 * the aggregate in between, so the work reloads it and the rules are checked again on the fresh
 * state (a change that became illegal meanwhile is still refused). Commands whose client sent the
 * version it read (PATCH with `version`) do not use this: for them a stale version is the answer.
 */
export async function retryOnStale<T>(aggregateType: string, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const stale = error instanceof ConflictError && error.code === `${aggregateType}.stale-version`;
      if (!stale || n >= MAX_ATTEMPTS) throw error;
    }
  }
}
