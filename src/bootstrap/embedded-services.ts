import { MongoMemoryServer } from '@app/mongo-memory';
import { RedisServerProcess } from '@app/testing';
import type { Env } from '../config/config.schema';

export interface EmbeddedServices {
  /** Settings to add to the environment: the URIs of what was started. */
  env: { MONGODB_URI?: string; REDIS_URL?: string; SEED_ON_START?: string };
  describe(): string[];
  stop(): Promise<void>;
}

/**
 * The embedded default (`npm start` with nothing set): an in-process MongoDB-protocol server
 * (a single-node replica set, so transactions work) and a `redis-server` child on a free port.
 * Never used when MONGODB_URI / REDIS_URL are set, and refused in production by the config schema.
 */
export async function startEmbeddedServices(env: Env): Promise<EmbeddedServices> {
  const started: string[] = [];
  let mongo: MongoMemoryServer | undefined;
  let redis: RedisServerProcess | undefined;
  const out: EmbeddedServices['env'] = {};
  try {
    if (!env.MONGODB_URI) {
      mongo = new MongoMemoryServer({ replicaSet: 'rs0' });
      const uri = await mongo.start({ port: 0, host: '127.0.0.1' });
      out.MONGODB_URI = withDatabase(uri, 'creative-cities');
      started.push(`MongoDB (in-process, data in memory only): ${out.MONGODB_URI}`);
      // A fresh in-memory database: load the seed cities unless told otherwise.
      out.SEED_ON_START = env.SEED_ON_START === undefined ? 'true' : String(env.SEED_ON_START);
    }
    if (!env.REDIS_URL) {
      redis = new RedisServerProcess();
      out.REDIS_URL = await redis.start();
      started.push(`Redis (redis-server child, no persistence): ${out.REDIS_URL}`);
    }
  } catch (e) {
    await mongo?.stop();
    throw e;
  }
  return {
    env: out,
    describe: () => started,
    async stop() {
      await redis?.stop();
      await mongo?.stop();
    },
  };
}

/** Puts a database name into a mongodb:// URI that has none. */
export function withDatabase(uri: string, db: string): string {
  const url = new URL(uri);
  if (url.pathname === '' || url.pathname === '/') url.pathname = `/${db}`;
  return url.toString();
}
