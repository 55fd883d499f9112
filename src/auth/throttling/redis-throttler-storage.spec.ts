import { startTestRedis, type TestRedis } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { RedisThrottlerStorage } from './redis-throttler-storage';

describe('RedisThrottlerStorage (real Redis)', () => {
  let server: TestRedis;
  let redis: TestRedis['client'];
  let prefix: string;

  // A Redis Cluster too (TEST_REDIS_CLUSTER_NODES): the script's keys must then share a hash slot.
  beforeAll(async () => {
    server = await startTestRedis();
    redis = server.client;
  });
  afterAll(() => server.stop());
  beforeEach(() => (prefix = `test:${randomBytes(4).toString('hex')}`));

  it('counts hits in a window, then blocks for blockDuration', async () => {
    const storage = new RedisThrottlerStorage(redis, prefix);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await storage.increment('k', 60_000, 3, 30_000, 'login'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(hits[0].timeToExpire).toBe(60);
    expect(hits[3].timeToBlockExpire).toBe(30);
    expect((await storage.increment('k', 60_000, 3, 30_000, 'login')).isBlocked).toBe(true);
    expect((await storage.increment('other', 60_000, 3, 30_000, 'login')).isBlocked).toBe(false);
  });

  it('is shared by every storage (instance) on the same Redis and prefix', async () => {
    const a = new RedisThrottlerStorage(redis, prefix);
    const b = new RedisThrottlerStorage(redis, prefix);
    await a.increment('k', 60_000, 2, 1_000, 'login');
    await b.increment('k', 60_000, 2, 1_000, 'login');
    expect((await a.increment('k', 60_000, 2, 1_000, 'login')).isBlocked).toBe(true);
  });

  it('counts afresh once a block has ended', async () => {
    const storage = new RedisThrottlerStorage(redis, prefix);
    for (let i = 0; i < 2; i++) await storage.increment('k', 60_000, 1, 200, 'login');
    await new Promise((r) => setTimeout(r, 300));
    expect(await storage.increment('k', 60_000, 1, 200, 'login')).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
