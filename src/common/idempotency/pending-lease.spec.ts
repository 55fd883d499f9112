import type { IdempotencyStore } from './idempotency.store';
import { PendingLease } from './pending-lease';

describe('PendingLease', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('renews the key every third of the lease while the request runs, through failed renewals, until stopped', () => {
    const renew = jest.fn().mockRejectedValueOnce(new Error('MongoDB hiccup')).mockResolvedValue(true);
    const store = { pendingLeaseMs: 9_000, renew } as unknown as IdempotencyStore;
    const lease = new PendingLease(store, 'u1:k1', 'owner-1');
    jest.advanceTimersByTime(2_999);
    expect(renew).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    jest.advanceTimersByTime(6_000);
    expect(renew.mock.calls).toEqual([
      ['u1:k1', 'owner-1'],
      ['u1:k1', 'owner-1'],
      ['u1:k1', 'owner-1'],
    ]);
    lease.stop();
    jest.advanceTimersByTime(30_000);
    expect(renew).toHaveBeenCalledTimes(3);
  });
});
