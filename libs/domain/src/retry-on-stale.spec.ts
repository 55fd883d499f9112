import { aggregateErrors } from './aggregate-errors';
import { RuleViolation } from './domain-errors';
import { retryOnStale, staleRetryDelay, type StaleRetryBackoff } from './retry-on-stale';

describe('retryOnStale', () => {
  const stale = () => aggregateErrors('project').staleVersion(1, 2);
  const recorded = (random = () => 0.5) => {
    const pauses: number[] = [];
    const backoff: StaleRetryBackoff = { baseDelayMs: 10, maxDelayMs: 100, random, sleep: async (ms) => void pauses.push(ms) };
    return { pauses, backoff };
  };

  it('tries again after a stale version, pausing a jittered, doubling, capped time in between', async () => {
    const { pauses, backoff } = recorded();
    let tries = 0;
    const result = await retryOnStale(
      'project',
      10,
      async () => {
        if (++tries < 7) throw stale();
        return 'saved';
      },
      backoff,
    );
    expect(result).toBe('saved');
    expect(tries).toBe(7);
    expect(pauses).toEqual([5, 10, 20, 40, 50, 50]); // half of 10, 20, 40, 80, then the 100 ms cap
  });

  it('draws each pause uniformly below its ceiling (full jitter), so racing losers spread out', () => {
    const backoff = { baseDelayMs: 8, maxDelayMs: 1000 };
    expect(staleRetryDelay(3, { ...backoff, random: () => 0 })).toBe(0);
    expect(staleRetryDelay(3, { ...backoff, random: () => 0.999 })).toBe(31);
    expect(staleRetryDelay(60, { ...backoff, random: () => 0.5 })).toBe(500);
  });

  it('gives up after maxAttempts with the stale-version error', async () => {
    const { pauses, backoff } = recorded();
    let tries = 0;
    await expect(
      retryOnStale(
        'project',
        4,
        async () => {
          tries++;
          throw stale();
        },
        backoff,
      ),
    ).rejects.toMatchObject({ code: 'project.stale-version' });
    expect(tries).toBe(4);
    expect(pauses).toHaveLength(3);
  });

  it('does not retry other errors, nor another aggregate’s stale version', async () => {
    const { pauses, backoff } = recorded();
    const rule = new RuleViolation('project.partner-already-requested', 'asked twice');
    await expect(retryOnStale('project', 5, () => Promise.reject(rule), backoff)).rejects.toBe(rule);
    const other = aggregateErrors('practice').staleVersion(1, 2);
    await expect(retryOnStale('project', 5, () => Promise.reject(other), backoff)).rejects.toBe(other);
    expect(pauses).toEqual([]);
  });
});
