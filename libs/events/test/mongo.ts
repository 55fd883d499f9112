import { randomBytes } from 'node:crypto';
import { MongoMemoryServer } from '@app/mongo-memory';

/** MongoDB for one test file: MONGODB_URI when set, else the in-process server; its own database. */
export async function startMongo(name: string): Promise<{ uri: string; stop(): Promise<void> }> {
  let server: MongoMemoryServer | undefined;
  let base = process.env.MONGODB_URI ?? '';
  if (!base) {
    server = new MongoMemoryServer({ replicaSet: 'rs0' });
    base = await server.start({ port: 0 });
  }
  const url = new URL(base);
  url.pathname = `/${name}_${randomBytes(3).toString('hex')}`;
  return { uri: url.toString(), stop: async () => server?.stop() };
}
