/**
 * Several API instances sharing one database and one Redis, as a deployment behind a load balancer
 * runs them: the embedded MongoDB-protocol server in a process of its own (replica-set mode, so
 * transactions and change streams work as they do across processes) and one `redis-server` (BullMQ,
 * the Socket.IO Redis adapter), then `src/main.ts` N times with the same MONGODB_URI, REDIS_URL,
 * REDIS_KEY_PREFIX and JWT_SECRET, each in its own process on its own port, each with its workers.
 */
import { TestServices } from '@app/testing';
import { startAppProcess, type AppProcess } from '../../test/support/app-process';
import { startMongoProcess } from '../../test/support/mongo-process';

export interface SharedServices {
  services: TestServices;
  stop(): Promise<void>;
}

export async function startSharedServices(): Promise<SharedServices> {
  const mongo = await startMongoProcess();
  const services = await TestServices.start({ mongoUri: mongo.uri });
  return {
    services,
    async stop() {
      await services.stop();
      await mongo.stop();
    },
  };
}

export interface ApiInstance extends AppProcess {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
}

/**
 * `count` instances, started one after the other: the first seeds the database (cities, admin),
 * the others find it seeded. `env` is added to the shared settings (services.env()).
 */
export async function startApiInstances(services: TestServices, count: number, env: Record<string, string> = {}): Promise<ApiInstance[]> {
  const instances: ApiInstance[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const app = await startAppProcess(services.env({ ...env, SEED_ON_START: String(i === 0) }), 120_000);
      const origin = app.api.baseUrl.replace(/\/api\/v1$/, '');
      instances.push({ ...app, origin, port: Number(new URL(origin).port) });
    }
  } catch (error) {
    await stopApiInstances(instances);
    throw error;
  }
  return instances;
}

export async function stopApiInstances(instances: ApiInstance[]): Promise<void> {
  await Promise.all(instances.map((i) => i.kill('SIGTERM')));
}
