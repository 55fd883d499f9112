import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';
import { AppConfig } from '../../config/app-config';

const reconnectDelay = (times: number) => Math.min(times * 200, 2000);

/** A connection to the deployment's Redis: one server (REDIS_URL) or a cluster (REDIS_CLUSTER_NODES). */
export type RedisClient = Redis | Cluster;

export interface ConnectionOptions {
  /** Commands fail at once while Redis is down instead of waiting in the offline queue. */
  failFast?: boolean;
  /** No per-command retry limit: BullMQ's blocking reads and pub/sub subscribers wait through outages. */
  blocking?: boolean;
  /** A subscriber of sharded pub/sub (SSUBSCRIBE): on a cluster it needs a connection to every shard. */
  shardedSubscriber?: boolean;
}

/**
 * The one place that opens Redis connections (queues, workers, the Socket.IO adapter, health).
 * Each purpose gets its own client, as BullMQ and the adapter's subscriber require; all are closed
 * on shutdown, after the workers and queues that use them. With REDIS_CLUSTER_NODES every client is
 * an ioredis `Cluster`; callers use commands both kinds share (docs/redis-cluster.md).
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly clients = new Set<RedisClient>();

  constructor(private readonly config: AppConfig) {}

  get url(): string {
    return this.config.env.REDIS_URL!;
  }

  get isCluster(): boolean {
    return !!this.config.env.REDIS_CLUSTER_NODES;
  }

  /** Key prefix of this deployment, so tests and tenants never share keys. */
  get prefix(): string {
    return this.config.env.REDIS_KEY_PREFIX;
  }

  /**
   * BullMQ's `prefix` for a queue. A queue's Lua scripts touch many of its keys at once, which a
   * cluster allows only within one hash slot: the braces put each queue on a slot of its own (so
   * queues spread over the shards). One server keeps the plain prefix, so its waiting jobs stay found.
   */
  queuePrefix(queueName: string): string {
    return this.isCluster ? `{${this.prefix}:${queueName}}` : this.prefix;
  }

  /**
   * `failFast`: used by producers so that a failed enqueue is retried from the durable event log.
   */
  create(name: string, options: ConnectionOptions = {}): RedisClient {
    const redisOptions = {
      connectionName: `cce:${name}`,
      maxRetriesPerRequest: options.blocking ? null : options.failFast ? 1 : 3,
    } satisfies RedisOptions;
    const client = this.isCluster
      ? new Cluster(this.seeds(), this.clusterOptions(redisOptions, options))
      : new Redis(this.url, {
          ...redisOptions,
          lazyConnect: false,
          enableOfflineQueue: !options.failFast,
          retryStrategy: reconnectDelay,
          // ioredis writes SSUBSCRIBE at once on a connection still in its ready check, whose INFO then
          // fails ("only subscriber commands"): the connection drops and the adapter's other
          // subscriptions are lost. A room joined right after a (re)connection hit it; a subscriber needs
          // no ready check (SSUBSCRIBE is served while Redis loads). Cluster shard subscribers skip it too.
          enableReadyCheck: !options.shardedSubscriber,
        });
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

  private seeds(): { host: string; port: number }[] {
    return this.config.env.REDIS_CLUSTER_NODES!.map((seed) => {
      const at = seed.lastIndexOf(':');
      return { host: seed.slice(0, at), port: Number(seed.slice(at + 1)) };
    });
  }

  private clusterOptions(redisOptions: ClusterOptions['redisOptions'], options: ConnectionOptions): ClusterOptions {
    return {
      // The offline queue is the cluster's, not each node connection's.
      enableOfflineQueue: !options.failFast,
      redisOptions,
      // Reads go to masters too: a replica may lag behind what BullMQ or a limiter just wrote.
      scaleReads: 'master',
      // ioredis's 1 s for CLUSTER SLOTS fails every queued command when a node is slow to answer
      // (a busy host at start-up); the topology is worth waiting a little longer for.
      slotsRefreshTimeout: 5000,
      // Reach the cluster again after an outage, and a node that restarted with the same slots.
      clusterRetryStrategy: reconnectDelay,
      clusterNodeRetryStrategy: reconnectDelay,
      shardedSubscribers: !!options.shardedSubscriber,
    };
  }
}
