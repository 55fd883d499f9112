import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Cluster } from 'ioredis';
import { RedisConnections, type RedisClient } from '../../infra/redis/redis-connections';

/**
 * Redis readiness: a PING on a fail-fast client, so a dead Redis answers "down" at once. On a
 * cluster, CLUSTER INFO instead: any live node answers a PING while a dead master leaves its slots
 * (and the queues, limiters and rooms on them) unserved, which the nodes report as cluster_state:fail.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleInit, OnModuleDestroy {
  private client?: RedisClient;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly redis: RedisConnections,
  ) {}

  onModuleInit() {
    this.client = this.redis.create('health', { failFast: true });
  }

  pingCheck(key: string) {
    const client = this.client!;
    return this.health
      .check(key)
      .attempt(async () => {
        // Still connecting (start-up, or reconnecting after an outage): give it a moment.
        if (client.status !== 'ready')
          await new Promise((resolve) => {
            client.once('ready', resolve);
            setTimeout(resolve, 500).unref();
          });
        if (client instanceof Cluster) {
          const state = /cluster_state:(\w+)/.exec(await client.cluster('INFO'))?.[1];
          if (state !== 'ok') throw new Error(`cluster_state:${state ?? 'unknown'}`);
        } else if ((await client.ping()) !== 'PONG') throw new Error('unexpected PING reply');
      })
      .withTimeout(1000);
  }

  onModuleDestroy() {
    this.client?.disconnect();
  }
}
