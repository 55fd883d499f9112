import { randomBytes } from 'node:crypto';
import { MongoClient, type Collection, type Db, type MongoClientOptions } from 'mongodb';
import { MongoMemoryServer } from '../src';

/**
 * The server under test: the in-process one (a single-node replica set) by default, or a real
 * replica set when MONGODB_URI is set, so the same suite checks both. Each file gets its own
 * database.
 */
export interface Target {
  uri: string;
  dbName: string;
  client: MongoClient;
  db: Db;
  /** True against the in-process server: guards the few assertions only it can satisfy. */
  inProcess: boolean;
  connect(options?: MongoClientOptions): Promise<MongoClient>;
  close(): Promise<void>;
}

export async function startTarget(name: string): Promise<Target> {
  let server: MongoMemoryServer | undefined;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    server = new MongoMemoryServer({ replicaSet: 'rs0' });
    uri = await server.start({ port: 0 });
  }
  const dbName = `mm_${name}_${randomBytes(3).toString('hex')}`;
  const clients: MongoClient[] = [];
  const connect = async (options: MongoClientOptions = {}) => {
    const c = await MongoClient.connect(uri!, options);
    clients.push(c);
    return c;
  };
  const client = await connect();
  return {
    uri,
    dbName,
    client,
    db: client.db(dbName),
    inProcess: !!server,
    connect,
    close: async () => {
      await client
        .db(dbName)
        .dropDatabase()
        .catch(() => undefined);
      for (const c of clients) await c.close();
      await server?.stop();
    },
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Record<string, any>> {
  try {
    await promise;
  } catch (err) {
    return err as Record<string, any>;
  }
  throw new Error('expected a rejection');
}

/** Any field, any _id type: tests write what outside suites wrote. */
export interface Loose {
  _id?: any;
  [field: string]: any;
}

/**
 * A maker of fresh collections `<prefix>1`, `<prefix>2`..., each filled with the given documents (or
 * created empty) through the target's client and read through `reader`'s client: one with
 * `promoteValues: false` shows every number's BSON type. Both are read at each call (they are set
 * in `beforeAll`).
 */
export function freshCollections(prefix: string, target: () => Target, reader: () => MongoClient = () => target().client) {
  let n = 0;
  return async (docs: object[] = []): Promise<Collection<Loose>> => {
    const t = target();
    const name = `${prefix}${++n}`;
    if (docs.length) await t.db.collection(name).insertMany(docs);
    else await t.db.createCollection(name);
    return reader().db(t.dbName).collection<Loose>(name);
  };
}
