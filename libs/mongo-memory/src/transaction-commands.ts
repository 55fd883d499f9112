import type { Document } from 'bson';
import { CommandError, Code } from './errors';

/**
 * The commands a server runs inside a multi-document transaction (those whose
 * `allowedInTransactions()` is true; checked against src/mongo/db/commands.cpp,
 * CommandHelpers::canUseTransactions, and its older txnCmdWhitelist). Everything else answers 263,
 * without a TransientTransactionError label and without touching the transaction.
 */
const ALLOWED = new Set([
  'find',
  'getMore',
  'killCursors',
  'insert',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
  'aggregate',
  'distinct',
  'create',
  'createIndexes',
  'commitTransaction',
  'abortTransaction',
  'bulkWrite',
]);

/**
 * Refuses a command sent with `autocommit` (part of a transaction) that a server refuses there,
 * as the server's validateSessionOptions does before checking out the session
 * (src/mongo/db/transaction_validation.cpp): the transaction itself stays as it was.
 */
export function checkAllowedInTransaction(name: string, cmd: Document, db: string): void {
  if (cmd.autocommit === undefined) return;
  if (name === 'count') {
    throw new CommandError(
      Code.OperationNotSupportedInTransaction,
      "Cannot run 'count' in a multi-document transaction. Please see http://dochub.mongodb.org/core/transaction-count for a recommended alternative.",
    );
  }
  if (!ALLOWED.has(name)) throw new CommandError(Code.OperationNotSupportedInTransaction, `Cannot run '${name}' in a multi-document transaction.`);
  if (db === 'local')
    throw new CommandError(Code.OperationNotSupportedInTransaction, "Cannot run command against the 'local' database in a transaction.");
  if (db === 'config')
    throw new CommandError(Code.OperationNotSupportedInTransaction, 'Cannot run command against the config database in a transaction.');
  if (cmd.startTransaction === true) {
    const first: Record<string, string> = {
      killCursors: 'Cannot run killCursors as the first operation in a multi-document transaction.',
      commitTransaction: 'Cannot start a transaction with a commit',
      abortTransaction: 'Cannot start a transaction with an abort',
    };
    if (first[name]) throw new CommandError(Code.OperationNotSupportedInTransaction, first[name]);
  }
}
