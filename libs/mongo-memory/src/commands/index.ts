import type { Document } from 'bson';
import type { Engine } from '../engine';
import { CommandError, Code, toCommandError } from '../errors';
import { letVariables } from '../query';
import { beginRetryableWrite } from '../retryable-writes';
import { checkAllowedInTransaction } from '../transaction-commands';
import { transactionFor } from '../transactions';
import { adminCommands } from './admin';
import { collMod } from './coll-mod';
import type { Handler } from './context';
import { ddlCommands } from './ddl';
import { renameCommands } from './rename';
import { readCommands } from './reads';
import { writeCommands } from './writes';

const HANDLERS: Record<string, Handler> = { ...adminCommands, ...ddlCommands, collMod, ...renameCommands, ...readCommands, ...writeCommands };
const RETRYABLE_WRITES = new Set(['insert', 'update', 'delete', 'findAndModify', 'findandmodify']);

/**
 * Runs one command and always answers with a reply document (errors included), never a throw or a
 * rejection. Synchronously when the handler is synchronous (all but a waiting getMore): no promise
 * per request.
 */
export function dispatch(engine: Engine, cmd: Document, connectionId: number, name: string): Document | Promise<Document> {
  const handler = Object.hasOwn(HANDLERS, name) ? HANDLERS[name] : undefined;
  if (!handler) return new CommandError(Code.CommandNotFound, `no such command: '${name}'`).toReply();
  const db = typeof cmd.$db === 'string' ? cmd.$db : 'admin';
  let txn;
  try {
    checkAllowedInTransaction(name, cmd, db);
    txn = transactionFor(cmd, engine.sessions, engine.storage, engine.replicaSet !== undefined);
  } catch (err) {
    return toCommandError(err).toReply();
  }
  const session = cmd.lsid ? engine.sessions.get(cmd.lsid as Document) : undefined;
  // A retryable write (txnNumber outside a transaction): a retry runs only the statements not yet run (retryable-writes.ts).
  if (!txn && session && typeof cmd.txnNumber === 'bigint' && RETRYABLE_WRITES.has(name)) {
    if (!engine.replicaSet) {
      return new CommandError(Code.IllegalOperation, 'Transaction numbers are only allowed on a replica set member or mongos').toReply();
    }
    try {
      beginRetryableWrite(session, cmd.txnNumber);
    } catch (err) {
      return toCommandError(err).toReply();
    }
  }
  const done = (reply: Document): Document => {
    // Any failed write inside a transaction aborts it, as on a server.
    if (txn?.state === 'active' && reply.writeErrors) txn.abort();
    return reply;
  };
  const failed = (err: unknown): Document => {
    const e = toCommandError(err);
    if (txn?.state === 'active') txn.abort();
    return e.toReply();
  };
  // Collections the transaction created are visible to this command alone (Storage.current).
  engine.storage.current = txn;
  try {
    const reply = handler(cmd, { engine, db, connectionId, session, txn, variables: letVariables(cmd.let) });
    return reply instanceof Promise ? reply.then(done, failed) : done(reply);
  } catch (err) {
    return failed(err);
  } finally {
    engine.storage.current = undefined;
  }
}
