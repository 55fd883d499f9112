import type { Document } from 'bson';
import { CommandError, Code } from './errors';
import type { Session, Transaction } from './transactions';

/**
 * What one statement of a retryable write did: the op of the oplog entry a server writes for its
 * stmtId, the inserted (or upserted) `_id`, and for findAndModify the reply (the server rebuilds it
 * from the pre/post image).
 */
export interface Executed {
  op: 'insert' | 'update' | 'delete';
  id?: unknown;
  findAndModify?: Document;
}

/**
 * The statements executed under a session's latest retryable-write txnNumber, by stmtId. As on a
 * server (src/mongo/db/ops/write_ops_exec.cpp, checkStatementExecuted), a retry executes only the
 * statements not yet executed and answers the others from what they did — never the earlier
 * command's whole reply, so another command reusing the txnNumber runs its own statements.
 */
export class RetryableWrite {
  /** Inserts and deletes already executed count as n: 1 whatever they wrote (makeWriteResultForInsertOrDeleteRetry). */
  readonly executed = new Map<number, Executed>();
  constructor(readonly txnNumber: bigint) {}
}

/** The retryable write a command continues: its txnNumber is the session's newest (dispatch began it). */
export function retryFor(cmd: Document, session: Session | undefined, txn: Transaction | undefined): RetryableWrite | undefined {
  if (txn || typeof cmd.txnNumber !== 'bigint' || session?.retry?.txnNumber !== cmd.txnNumber) return undefined;
  return session.retry;
}

/** The stmtId of statement `i`: `stmtIds[i]`, else `stmtId` (default 0) + i, as the server assigns them. */
export function stmtIdOf(cmd: Document, i: number): number {
  if (Array.isArray(cmd.stmtIds) && cmd.stmtIds[i] !== undefined) return Number(cmd.stmtIds[i]);
  return Number(cmd.stmtId ?? 0) + i;
}

/**
 * Starts (or continues) a retryable write on a session. An older txnNumber than the session's newest
 * (retryable write or transaction) answers 225 (src/mongo/db/transaction/transaction_participant.cpp;
 * message as in its transaction_participant_test.cpp).
 */
export function beginRetryableWrite(session: Session, txnNumber: bigint): RetryableWrite {
  const inTxn = session.txn?.txnNumber ?? -1n;
  const retried = session.retry?.txnNumber ?? -1n;
  if (inTxn > txnNumber && inTxn > retried) throw tooOld(session, txnNumber, 'transaction', inTxn);
  if (retried > txnNumber) throw tooOld(session, txnNumber, 'retryable write', retried);
  // A newer txnNumber ends the session's open transaction, as on a server.
  if (session.txn?.state === 'active' && txnNumber > session.txn.txnNumber) session.txn.abort();
  if (retried !== txnNumber) session.retry = new RetryableWrite(txnNumber);
  return session.retry!;
}

function tooOld(session: Session, txnNumber: bigint, what: string, newest: bigint): CommandError {
  const id = (session.lsid.id as { toHexString?: () => string } | undefined)?.toHexString?.() ?? String(session.lsid.id);
  return new CommandError(
    Code.TransactionTooOld,
    `Retryable write with txnNumber ${txnNumber} is prohibited on session ${id} because a newer ${what} with txnNumber ${newest} has already started on this session.`,
  );
}

const incompatible = (code: number, request: string, previous: Executed): CommandError =>
  new CommandError(code, `${request} retry request is not compatible with previous write in the transaction of type: ${previous.op[0]}`);

/** An update statement already executed: its result from what it wrote (write_ops_retryability.cpp, parseOplogEntryForUpdate). */
export function updateRetryResult(previous: Executed): { n: number; nModified: number; upserted?: unknown } {
  if (previous.op === 'insert') return { n: 1, nModified: 0, upserted: previous.id };
  if (previous.op === 'update') return { n: 1, nModified: 1 };
  throw incompatible(40638, 'update', previous);
}

/** A findAndModify already executed (write_ops_retryability.cpp, validateFindAndModifyRetryability). */
export function findAndModifyRetryReply(previous: Executed, remove: boolean): Document {
  if (previous.op === 'delete' && !remove) throw incompatible(40606, 'findAndModify', previous);
  if (previous.op !== 'delete' && remove) throw incompatible(40608, 'findAndModify', previous);
  // Written by an insert/update/delete command: there is no image to answer from.
  if (!previous.findAndModify) throw new CommandError(40607, 'No pre-image available for findAndModify retry request');
  return previous.findAndModify;
}
