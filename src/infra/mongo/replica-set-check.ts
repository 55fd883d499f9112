import type { Connection } from 'mongoose';
import { InvalidConfigError } from '../../config/app-config';

/** What `hello` tells about the server's topology (the fields read here). */
export interface HelloReply {
  setName?: string;
  msg?: string;
}

/** Raised at start-up when MONGODB_URI names a standalone server; the message says how to fix it. */
export class NotAReplicaSetError extends InvalidConfigError {
  constructor() {
    super(
      [
        'MongoDB is not a replica set: every write of this platform runs in a transaction, and MongoDB allows',
        'transactions only on a replica set member or a mongos (a standalone answers each write with',
        '"Transaction numbers are only allowed on a replica set member or mongos").',
        'Run MongoDB as a one-node replica set:',
        '  mongod --replSet rs0 --dbpath <dir>, then once: mongosh --eval "rs.initiate()"',
        '  and add ?replicaSet=rs0 to MONGODB_URI (mongodb://localhost:27017/creative-cities?replicaSet=rs0);',
        '  or `docker compose up -d mongo` (MongoDB 8 as a one-node replica set, initiated by its health check).',
      ].join('\n'),
    );
  }
}

/** A replica set member answers with its `setName`; a mongos with `msg: 'isdbgrid'`. */
export function isTransactional(hello: HelloReply): boolean {
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

/**
 * Refuses to start against a standalone server: otherwise the process would start and answer every
 * write with a 500. Runs once, on the connection every module then uses.
 */
export async function assertReplicaSet(connection: Connection): Promise<void> {
  const hello = (await connection.getClient().db('admin').command({ hello: 1 })) as HelloReply;
  if (!isTransactional(hello)) throw new NotAReplicaSetError();
}
