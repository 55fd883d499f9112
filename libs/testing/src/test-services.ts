import { MongoMemoryServer } from '@app/mongo-memory';
import { randomBytes } from 'node:crypto';
import { RedisServerProcess } from './redis-server';
import { testClusterNodes } from './test-redis';

/**
 * MongoDB and Redis for one test file: the in-process MongoDB-protocol server (or MONGODB_URI) and
 * a `redis-server` child on a free port (or REDIS_URL, or the Redis Cluster of
 * TEST_REDIS_CLUSTER_NODES). The file gets its own database name and Redis key prefix, so files
 * running in parallel never see each other's data. TEST_LIVE_ADAPTER picks the apps' LIVE_ADAPTER.
 */
export class TestServices {
  readonly id = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  mongo?: MongoMemoryServer;
  redis?: RedisServerProcess;
  private mongoBase = '';
  private redisUrl = '';
  /** Seeds of the test cluster; then `redis` is undefined (the harness does not own the cluster). */
  clusterNodes?: string;

  /**
   * `mongoUri`: a server the caller runs (e.g. in a child process); else MONGODB_URI, else the
   * in-process server, whose `transactionLifetimeMs` says how soon it reaps a transaction whose
   * client died (default 60 s).
   */
  static async start(options: { transactionLifetimeMs?: number; mongoUri?: string } = {}): Promise<TestServices> {
    const services = new TestServices();
    const given = options.mongoUri ?? process.env.MONGODB_URI;
    if (given) {
      services.mongoBase = given;
    } else {
      services.mongo = new MongoMemoryServer({ replicaSet: 'rs0', transactionLifetimeMs: options.transactionLifetimeMs });
      services.mongoBase = await services.mongo.start({ port: 0, host: '127.0.0.1' });
    }
    // With a test cluster the apps get REDIS_CLUSTER_NODES instead of a URL.
    services.clusterNodes = testClusterNodes();
    if (!services.clusterNodes && process.env.REDIS_URL) {
      services.redisUrl = process.env.REDIS_URL;
    } else if (!services.clusterNodes) {
      services.redis = new RedisServerProcess();
      services.redisUrl = await services.redis.start();
    }
    return services;
  }

  /** The URI of this file's own database. */
  mongoUri(suffix = ''): string {
    const url = new URL(this.mongoBase);
    url.pathname = `/${this.id}${suffix}`;
    return url.toString();
  }

  get redisUri(): string {
    return this.redisUrl;
  }

  get redisPrefix(): string {
    return `test:${this.id}`;
  }

  /** Environment for an app instance of this file. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      MONGODB_URI: this.mongoUri(),
      ...(this.clusterNodes ? { REDIS_CLUSTER_NODES: this.clusterNodes } : { REDIS_URL: this.redisUri }),
      ...(process.env.TEST_LIVE_ADAPTER ? { LIVE_ADAPTER: process.env.TEST_LIVE_ADAPTER } : {}),
      REDIS_KEY_PREFIX: this.redisPrefix,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256!',
      ADMIN_EMAIL: 'admin@test.local',
      ADMIN_PASSWORD: 'admin-password-1',
      PASSWORD_HASH_MEMORY_KIB: '1024',
      LOG_LEVEL: 'silent',
      SEED_ON_START: 'true',
      CONSUMER_POLL_INTERVAL_MS: '200',
      LOGIN_THROTTLE_LIMIT: '1000',
      ...extra,
    };
  }

  async stop(): Promise<void> {
    await this.redis?.stop();
    await this.mongo?.stop();
  }
}
