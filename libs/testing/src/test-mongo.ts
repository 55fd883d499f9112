import { MongoMemoryServer } from '@app/mongo-memory';
import { randomBytes } from 'node:crypto';

export interface TestMongo {
  /** A database of the spec file's own: `<name>_<random>`. */
  uri: string;
  stop(): Promise<void>;
}

/** MongoDB for one spec file: the server at MONGODB_URI when set, else the in-process one. */
export async function startTestMongo(name: string): Promise<TestMongo> {
  const server = process.env.MONGODB_URI ? undefined : new MongoMemoryServer({ replicaSet: 'rs0' });
  const url = new URL(server ? await server.start({ port: 0 }) : (process.env.MONGODB_URI as string));
  url.pathname = `/${name}_${randomBytes(3).toString('hex')}`;
  return { uri: url.toString(), stop: async () => void (await server?.stop()) };
}
