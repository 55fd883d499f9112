import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../../config/app-config';

/**
 * The one place that opens Redis connections (queues, workers, the Socket.IO adapter, health).
 * Each purpose gets its own client, as BullMQ and the adapter's subscriber require; all are closed
 * on shutdown, after the workers and queues that use them.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly clients = new Set<Redis>();

  constructor(private readonly config: AppConfig) {}

  get url(): string {
    return this.config.env.REDIS_URL!;
  }

  /** Key prefix of this deployment (BullMQ `prefix`), so tests and tenants never share keys. */
  get prefix(): string {
    return this.config.env.REDIS_KEY_PREFIX;
  }

  /**
   * `failFast`: commands fail at once while Redis is down instead of waiting in the offline queue;
   * used by producers so that a failed enqueue is retried from the durable event log.
   */
  create(name: string, options: { failFast?: boolean; blocking?: boolean } = {}): Redis {
    const redisOptions: RedisOptions = {
      connectionName: `cce:${name}`,
      lazyConnect: false,
      maxRetriesPerRequest: options.blocking ? null : options.failFast ? 1 : 3,
      enableOfflineQueue: !options.failFast,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    };
    const client = new Redis(this.url, redisOptions);
    // Errors while Redis is down are expected; health reports them, so don't crash on 'error'.
    client.on('error', () => undefined);
    this.clients.add(client);
    client.once('end', () => this.clients.delete(client));
    return client;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.clients].map((c) => c.quit().catch(() => c.disconnect())));
    this.clients.clear();
  }
}
