import { RedisServerProcess } from '@app/testing';
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Env } from '../config/config.schema';
import { startEmbeddedMongo, type EmbeddedMongo } from './embedded-mongo';

export interface EmbeddedServices {
  /** Settings to add to the environment: the URIs of what was started. */
  env: { MONGODB_URI?: string; REDIS_URL?: string; SEED_ON_START?: string };
  describe(): string[];
  stop(): Promise<void>;
}

/**
 * The embedded default (`npm start` with nothing set): the MongoDB-protocol server
 * (libs/mongo-memory; a single-node replica set, so transactions work) in a child process of its own,
 * so the API and the database use two cores (docs/performance.md), and a `redis-server` child on a
 * free port. Both keep their data in EMBEDDED_DATA_DIR (`./data`: `mongo/` journal and snapshots,
 * `redis/` append-only file), so a restart finds the cities, projects and waiting jobs again;
 * EMBEDDED_IN_MEMORY=true (`npm start -- --in-memory`) keeps nothing.
 * Never used when MONGODB_URI / REDIS_URL are set, and refused in production by the config schema.
 */
export async function startEmbeddedServices(env: Env): Promise<EmbeddedServices> {
  const started: string[] = [];
  let mongo: EmbeddedMongo | undefined;
  let redis: RedisServerProcess | undefined;
  const out: EmbeddedServices['env'] = {};
  const root = env.EMBEDDED_IN_MEMORY ? undefined : resolve(env.EMBEDDED_DATA_DIR);
  const dirOf = (name: string): string | undefined => {
    if (!root) return undefined;
    mkdirSync(join(root, name), { recursive: true });
    return join(root, name);
  };
  const shown = (dir: string) => relative(process.cwd(), dir) || '.';
  try {
    if (!env.MONGODB_URI) {
      const dataDir = dirOf('mongo');
      mongo = await startEmbeddedMongo(dataDir);
      out.MONGODB_URI = withDatabase(mongo.uri, 'creative-cities');
      const r = mongo.recovery;
      started.push(
        dataDir && r
          ? `MongoDB (embedded, a child process, data in ${shown(dataDir)}: ${r.snapshotDocuments} documents and ${r.journalRecords} journal records recovered in ${Math.round(r.ms)} ms): ${out.MONGODB_URI}`
          : `MongoDB (embedded, a child process, data in memory only): ${out.MONGODB_URI}`,
      );
      // A fresh database: load the seed cities unless told otherwise (loading twice changes nothing anyway).
      const fresh = !r || (r.snapshotDocuments === 0 && r.journalRecords === 0);
      out.SEED_ON_START = env.SEED_ON_START === undefined ? String(fresh) : String(env.SEED_ON_START);
    }
    // A Redis of its own unless one (or a Redis Cluster) is named.
    if (!env.REDIS_URL && !env.REDIS_CLUSTER_NODES) {
      const dataDir = dirOf('redis');
      redis = new RedisServerProcess({ dataDir });
      out.REDIS_URL = await redis.start();
      started.push(`Redis (redis-server child, ${dataDir ? `append-only file in ${shown(dataDir)}` : 'no persistence'}): ${out.REDIS_URL}`);
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
