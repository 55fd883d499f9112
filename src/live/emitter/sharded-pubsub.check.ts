import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RedisConnections } from '../../infra/redis/redis-connections';

/** The first Redis version with sharded pub/sub (SPUBLISH, SSUBSCRIBE). */
const SHARDED_SINCE_MAJOR = 7;
/** How long the start waits for the answer before going on unchecked. */
const CHECK_TIMEOUT_MS = 5000;

/** The server's version from `INFO server`, or null when the answer does not say. */
export function redisVersionOf(info: string): string | null {
  return /^redis_version:(\S+)/m.exec(info)?.[1] ?? null;
}

/**
 * With `LIVE_ADAPTER=sharded`, refuses to start on a Redis older than 7: SPUBLISH and SSUBSCRIBE
 * would fail there, and live updates would stop reaching the other instances' sockets with nothing
 * but a warning per message. A Redis that does not answer at start is not a reason to refuse (the
 * process waits for it like for any outage): the check is skipped with a warning.
 */
@Injectable()
export class ShardedPubSubCheck implements OnModuleInit {
  private readonly logger = new Logger('LiveAdapter');

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisConnections,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.env.LIVE_ADAPTER !== 'sharded') return;
    const client = this.redis.create('live-version-check');
    let version: string | null;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      });
      version = redisVersionOf(await Promise.race([client.info('server'), timeout]));
    } catch (error) {
      this.logger.warn(`LIVE_ADAPTER=sharded: could not read the Redis version (${String(error)}); sharded pub/sub needs Redis 7+`);
      return;
    } finally {
      clearTimeout(timer);
      client.disconnect();
    }
    if (version && Number(version.split('.')[0]) < SHARDED_SINCE_MAJOR) {
      throw new Error(
        `LIVE_ADAPTER=sharded needs Redis ${SHARDED_SINCE_MAJOR} or later (sharded pub/sub); this Redis is ${version}. ` +
          'Upgrade Redis, or set LIVE_ADAPTER=classic.',
      );
    }
  }
}
