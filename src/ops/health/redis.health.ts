import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { RedisConnections } from '../../infra/redis/redis-connections';

/** Redis readiness: a PING on a fail-fast client, so a dead Redis answers "down" at once. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private client?: Redis;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly redis: RedisConnections,
  ) {}

  pingCheck(key: string) {
    this.client ??= this.redis.create('health', { failFast: true });
    const client = this.client;
    return this.health
      .check(key)
      .attempt(async () => {
        if ((await client.ping()) !== 'PONG') throw new Error('unexpected PING reply');
      })
      .withTimeout(1000);
  }

  onModuleDestroy() {
    this.client?.disconnect();
  }
}
