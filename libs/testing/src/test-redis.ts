import Redis, { Cluster } from 'ioredis';
import { RedisServerProcess } from './redis-server';

/** TEST_REDIS_CLUSTER_NODES: host:port seeds of a Redis Cluster the suites run against (npm run test:cluster). */
export function testClusterNodes(): string | undefined {
  return process.env.TEST_REDIS_CLUSTER_NODES || undefined;
}

export interface TestRedis {
  client: Redis | Cluster;
  /** The app's settings for this Redis: REDIS_CLUSTER_NODES or REDIS_URL. */
  settings: Record<string, string>;
  /** Another client to the same Redis (closed by `stop`); `shardedSubscribers` for SSUBSCRIBE on a cluster. */
  connect(options?: { shardedSubscribers?: boolean }): Redis | Cluster;
  stop(): Promise<void>;
}

/**
 * Clients for a spec that talks to Redis itself: the test cluster (TEST_REDIS_CLUSTER_NODES),
 * else the server at REDIS_URL, else a `redis-server` child of its own.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const nodes = testClusterNodes();
  const server = nodes || process.env.REDIS_URL ? undefined : new RedisServerProcess();
  const url = nodes ? '' : (process.env.REDIS_URL ?? (await server!.start()));
  const clients: (Redis | Cluster)[] = [];
  const connect = (options: { shardedSubscribers?: boolean } = {}) => {
    const client = nodes
      ? new Cluster(
          nodes.split(',').map((seed) => {
            const [host, port] = seed.trim().split(':');
            return { host, port: Number(port) };
          }),
          { shardedSubscribers: !!options.shardedSubscribers },
        )
      : new Redis(url);
    clients.push(client);
    return client;
  };
  return {
    client: connect(),
    settings: nodes ? { REDIS_CLUSTER_NODES: nodes } : { REDIS_URL: url },
    connect,
    async stop() {
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
      await server?.stop();
    },
  };
}

/** KEYS on every master of a cluster (a cluster client would ask only one node), or on the one server. */
export async function findKeys(client: Redis | Cluster, pattern: string): Promise<string[]> {
  if (client instanceof Cluster) return (await Promise.all(client.nodes('master').map((node) => node.keys(pattern)))).flat();
  return client.keys(pattern);
}
