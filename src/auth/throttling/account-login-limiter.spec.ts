import { findKeys, startTestRedis, type TestRedis } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { AccountLoginLimiter } from './account-login-limiter';
import { LoginThrottledException } from './login-throttled.exception';

describe('AccountLoginLimiter (real Redis)', () => {
  let server: TestRedis;
  let redis: TestRedis['client'];
  let limiter: AccountLoginLimiter;
  let prefix: string;
  const limits = { limit: 3, windowMs: 60_000, baseDelayMs: 2_000, maxDelayMs: 5_000, knownAddressMs: 60_000 };

  // A Redis Cluster too (TEST_REDIS_CLUSTER_NODES): the script's keys must then share a hash slot.
  beforeAll(async () => {
    server = await startTestRedis();
    redis = server.client;
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    prefix = `test:${randomBytes(4).toString('hex')}`;
    limiter = new AccountLoginLimiter(redis, prefix, limits);
  });

  const held = (email: string, address = '198.51.100.1') =>
    limiter.begin(email, address).then(
      () => 0,
      (e: LoginThrottledException) => e.retryAfterSeconds,
    );

  it('holds the account after `limit` attempts without success, whatever the address and the case of the e-mail', async () => {
    expect(await held('Ana@x.test', '198.51.100.1')).toBe(0);
    expect(await held('ana@x.test', '198.51.100.2')).toBe(0);
    expect(await held('ANA@X.TEST', '198.51.100.3')).toBe(0);
    expect(await held('ana@x.test', '198.51.100.4')).toBe(2);
    expect(await held('other@x.test')).toBe(0);
  });

  it('does not count refused attempts, and doubles the hold on each counted one up to the cap', async () => {
    for (let i = 0; i < 3; i++) await held('bo@x.test');
    for (let i = 0; i < 5; i++) expect(await held('bo@x.test')).toBe(2);
    expect(await redis.get(await firstKey('failures'))).toBe('3');
    await redis.del(await firstKey('hold')); // as if the 2 s had passed
    expect(await held('bo@x.test')).toBe(0); // counted: 4th
    expect(await held('bo@x.test')).toBe(4);
    await redis.del(await firstKey('hold'));
    await held('bo@x.test'); // 5th: 8 s, capped at 5
    expect(await held('bo@x.test')).toBe(5);
  });

  it('clears the count on success, and exempts the address that signed in from later holds', async () => {
    for (let i = 0; i < 2; i++) await held('cy@x.test');
    await limiter.succeeded('cy@x.test', '198.51.100.1');
    for (let i = 0; i < 3; i++) expect(await held('cy@x.test', '198.51.100.9')).toBe(0);
    expect(await held('cy@x.test', '198.51.100.9')).toBe(2);
    expect(await held('cy@x.test', '198.51.100.1')).toBe(0); // the owner's address
  });

  it('lets at most `limit` of many parallel attempts through', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => held('dee@x.test')));
    expect(results.filter((r) => r === 0)).toHaveLength(3);
  });

  /** The one account's key of this test (failures or hold). */
  const firstKey = async (suffix: string) => (await findKeys(redis, `${prefix}:login-account:*:${suffix}`))[0] ?? `${prefix}:none`;
});
