import type { AppConfig } from '../../config/app-config';
import type { RedisConnections } from '../../infra/redis/redis-connections';
import { redisVersionOf, ShardedPubSubCheck } from './sharded-pubsub.check';

function checkWith(adapter: 'classic' | 'sharded', info: () => Promise<string>) {
  const created: string[] = [];
  const redis = {
    create: (name: string) => (created.push(name), { info, disconnect: () => undefined }),
  } as unknown as RedisConnections;
  const config = { env: { LIVE_ADAPTER: adapter } } as unknown as AppConfig;
  return { check: new ShardedPubSubCheck(config, redis), created };
}

describe('ShardedPubSubCheck (LIVE_ADAPTER=sharded needs Redis 7+)', () => {
  it('reads the version from INFO server', () => {
    expect(redisVersionOf('# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n')).toBe('7.0.15');
    expect(redisVersionOf('# Server\r\n')).toBeNull();
  });

  it('refuses to start on Redis 6, naming the version and the way out', async () => {
    const { check } = checkWith('sharded', async () => 'redis_version:6.2.14\r\n');
    await expect(check.onModuleInit()).rejects.toThrow(/needs Redis 7 or later.*this Redis is 6\.2\.14.*LIVE_ADAPTER=classic/);
  });

  it('starts on Redis 7 and later', async () => {
    await expect(checkWith('sharded', async () => 'redis_version:7.2.4\r\n').check.onModuleInit()).resolves.toBeUndefined();
    await expect(checkWith('sharded', async () => 'redis_version:8.0.0\r\n').check.onModuleInit()).resolves.toBeUndefined();
  });

  it('goes on unchecked when Redis does not answer, and asks nothing with the classic adapter', async () => {
    await expect(checkWith('sharded', () => Promise.reject(new Error('ECONNREFUSED'))).check.onModuleInit()).resolves.toBeUndefined();
    const classic = checkWith('classic', async () => 'redis_version:5.0.0\r\n');
    await classic.check.onModuleInit();
    expect(classic.created).toEqual([]);
  });
});
