import { RedisServerProcess } from '@app/testing';
import type { Env } from '../config/config.schema';
import { startEmbeddedMongo, type EmbeddedMongo } from './embedded-mongo';

export interface EmbeddedServices {
  /** Settings to add to the environment: the URIs of what was started. */
  env: { MONGODB_URI?: string; REDIS_URL?: string; SEED_ON_START?: string };
  describe(): string[];
  stop(): Promise<void>;
}

/**
 * The embedded default (`npm start` with nothing set): the in-memory MongoDB-protocol server
 * (libs/mongo-memory; a single-node replica set, so transactions work) in a child process of its own,
 * so the API and the database use two cores (docs/performance.md), and a `redis-server` child on a
 * free port.
 * Never used when MONGODB_URI / REDIS_URL are set, and refused in production by the config schema.
 */
export async function startEmbeddedServices(env: Env): Promise<EmbeddedServices> {
  const started: string[] = [];
  let mongo: EmbeddedMongo | undefined;
  let redis: RedisServerProcess | undefined;
  const out: EmbeddedServices['env'] = {};
  try {
    if (!env.MONGODB_URI) {
      mongo = await startEmbeddedMongo();
      out.MONGODB_URI = withDatabase(mongo.uri, 'creative-cities');
      started.push(`MongoDB (embedded, a child process, data in memory only): ${out.MONGODB_URI}`);
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
