import type { Document } from 'bson';
import type { Collection } from './collections';
import { CommandError, Code, writeConflict } from './errors';
import type { RetryableWrite } from './retryable-writes';
import type { Storage, Write } from './storage';
import { keyString } from './values';

const TRANSIENT = ['TransientTransactionError'];
/** MongoDB's default transactionLifetimeLimitSeconds. */
export const TRANSACTION_LIFETIME_MS = 60_000;
const SESSION_TIMEOUT_MS = 30 * 60_000; // logicalSessionTimeoutMinutes in hello

/**
 * A multi-document transaction: reads see the snapshot taken at its first operation plus its own
 * writes; writes are staged with locks (first writer wins) and installed together at commit.
 */
export class Transaction {
  readonly snapshot: number;
  readonly startedAt = Date.now();
  /** Final state per document, installed at commit. */
  readonly writes = new Map<Collection, Map<string, Write>>();
  /** Every operation in order: the change events published at commit. */
  readonly operations: Write[] = [];
  readonly locks = new Set<string>();
  /**
   * Collections this transaction created (`create`, or an insert/upsert/createIndexes on a missing
   * one), by namespace: seen only by this transaction until commit installs them, gone with an abort.
   * Their indexes live on them: a transaction may index only collections it created.
   */
  readonly created = new Map<string, Collection>();
  state: 'active' | 'committed' | 'aborted' = 'active';

  constructor(
    private readonly storage: Storage,
    readonly session: Session,
    readonly txnNumber: bigint,
  ) {
    this.snapshot = storage.clock;
    storage.open.add(this);
  }

  read(coll: Collection, id: string): Document | undefined {
    const staged = this.writes.get(coll)?.get(id);
    return staged ? (staged.after ?? undefined) : coll.visible(id, this.snapshot);
  }

  /** Visible documents: candidates (or all), plus anything changed since the snapshot or by us. */
  visibleDocs(coll: Collection, candidates: Set<string> | undefined): Document[] {
    const ids = new Set(candidates ?? coll.docs.keys());
    for (const id of coll.history.keys()) ids.add(id);
    for (const id of this.writes.get(coll)?.keys() ?? []) ids.add(id);
    const out: Document[] = [];
    for (const id of ids) {
      const doc = this.read(coll, id);
      if (doc) out.push(doc);
    }
    return out;
  }

  stage(w: Write): void {
    if (w.after) w.coll.checkKeys(w.after);
    const mine = this.writes.get(w.coll) ?? new Map<string, Write>();
    const keys = this.storage.lockKeys(w);
    for (const k of keys) {
      const holder = this.storage.locks.get(k);
      if (holder && holder !== this) throw writeConflict();
    }
    if (w.coll.lastWrite(w.id) > this.snapshot) throw writeConflict();
    if (w.after) this.checkUnique(w, mine);
    for (const k of keys) {
      this.storage.locks.set(k, this);
      this.locks.add(k);
    }
    const previous = mine.get(w.id);
    mine.set(w.id, previous ? { ...w, before: previous.before, op: previous.op === 'insert' && w.after ? 'insert' : w.op } : w);
    this.writes.set(w.coll, mine);
    this.operations.push(w);
  }

  /** Unique keys at write time: against committed documents and this transaction's own writes. */
  private checkUnique(w: Write, mine: Map<string, Write>): void {
    const after = w.after!;
    for (const index of w.coll.indexes.values()) {
      if (!index.unique && index.name !== '_id_') continue;
      for (const key of index.keysOf(after)) {
        for (const otherId of index.lookup(key) ?? []) {
          if (otherId === w.id || mine.has(otherId)) continue;
          if (w.coll.lastWrite(otherId) > this.snapshot) throw writeConflict();
          throw w.coll.duplicateKeyError(index, after);
        }
        for (const [otherId, other] of mine) {
          if (otherId !== w.id && other.after && index.keysOf(other.after).includes(key)) throw w.coll.duplicateKeyError(index, after);
        }
      }
    }
  }

  /** createIndexes on a collection this transaction created: unique keys checked against its staged documents. */
  createIndex(coll: Collection, spec: Document): boolean {
    const index = coll.buildIndex(spec);
    if (!index) return false;
    const staged = [...(this.writes.get(coll)?.values() ?? [])].filter((w) => w.after);
    const seen = new Map<string, string>();
    for (const w of staged) {
      for (const key of index.keysOf(w.after!)) {
        const other = seen.get(key);
        if (index.unique && other !== undefined && other !== w.id) throw coll.duplicateKeyError(index, w.after!);
        seen.set(key, w.id);
      }
    }
    coll.indexes.set(index.name, index);
    return true;
  }

  commit(): void {
    // Others creating its new collections got WriteConflict; a rename onto one of their names did not.
    const created = [...this.created.values()];
    for (const coll of created) if (this.storage.dbs.get(coll.db)?.has(coll.name)) throw writeConflict();
    const finals = [...this.writes.values()].flatMap((m) => [...m.values()]);
    this.storage.commit(finals, this.operations, { lsid: this.session.lsid, txnNumber: this.txnNumber }, created);
    this.state = 'committed';
    this.storage.release(this);
  }

  abort(): void {
    if (this.state !== 'active') return;
    this.state = 'aborted';
    this.storage.release(this);
  }
}

export class Session {
  txn?: Transaction;
  lastUse = Date.now();
  /** The newest retryable write (txnNumber without autocommit) and what its statements did, for retries. */
  retry?: RetryableWrite;

  constructor(readonly lsid: Document) {}
}

/**
 * Sessions keyed by `lsid.id`. As on a server, sessions are not tied to connections: a client
 * that dies mid-transaction leaves the transaction (and its locks) until the lifetime limit.
 */
export class Sessions {
  private readonly map = new Map<string, Session>();

  constructor(readonly transactionLifetimeMs = TRANSACTION_LIFETIME_MS) {}

  /** Every session this server knows ($listLocalSessions). */
  all(): Session[] {
    return [...this.map.values()];
  }

  get(lsid: Document): Session {
    const key = keyString(lsid.id);
    let session = this.map.get(key);
    if (!session) this.map.set(key, (session = new Session(lsid)));
    session.lastUse = Date.now();
    return session;
  }

  end(lsids: Document[]): void {
    for (const lsid of lsids) {
      const key = keyString(lsid.id);
      this.map.get(key)?.txn?.abort();
      this.map.delete(key);
    }
  }

  /** Aborts transactions older than the lifetime limit (so locks never leak) and forgets idle sessions, as a server does. */
  reap(now: number): void {
    for (const [key, session] of this.map) {
      if (session.txn?.state === 'active' && now - session.txn.startedAt > this.transactionLifetimeMs) session.txn.abort();
      if (session.txn?.state !== 'active' && now - session.lastUse > SESSION_TIMEOUT_MS) this.map.delete(key);
    }
  }

  clear(): void {
    for (const session of this.map.values()) session.txn?.abort();
    this.map.clear();
  }
}

const noSuchTransaction = (n: bigint): CommandError =>
  new CommandError(Code.NoSuchTransaction, `Transaction with { txnNumber: ${n} } has been aborted.`, {}, TRANSIENT);

/**
 * The transaction a command runs in, from its `lsid`, `txnNumber`, `autocommit: false` and
 * `startTransaction` fields; undefined for commands outside transactions.
 */
export function transactionFor(cmd: Document, sessions: Sessions, storage: Storage, replicaSet: boolean): Transaction | undefined {
  if (cmd.txnNumber === undefined || cmd.autocommit === undefined) return undefined;
  if (!replicaSet) throw new CommandError(Code.IllegalOperation, 'Transaction numbers are only allowed on a replica set member or mongos');
  if (cmd.autocommit !== false) throw new CommandError(Code.InvalidOptions, 'autocommit must be false');
  if (!cmd.lsid) throw new CommandError(Code.InvalidOptions, 'Transaction requires a session (lsid)');
  const txnNumber = BigInt(cmd.txnNumber as bigint);
  const session = sessions.get(cmd.lsid as Document);
  const current = session.txn;
  if (cmd.startTransaction === true) {
    const newer = current && current.txnNumber > txnNumber ? current.txnNumber : undefined;
    const newerRetry = session.retry && session.retry.txnNumber > txnNumber ? session.retry.txnNumber : undefined;
    if (newer !== undefined || newerRetry !== undefined) {
      throw new CommandError(
        Code.TransactionTooOld,
        `Cannot start transaction ${txnNumber} on session because a newer ${newer !== undefined ? 'transaction' : 'retryable write'} ${newer ?? newerRetry} has already started`,
      );
    }
    if (current && current.txnNumber === txnNumber) {
      throw new CommandError(Code.ConflictingOperationInProgress, `Transaction with { txnNumber: ${txnNumber} } has already been started`);
    }
    current?.abort();
    session.txn = new Transaction(storage, session, txnNumber);
    return session.txn;
  }
  if (!current || current.txnNumber !== txnNumber) {
    throw new CommandError(
      Code.NoSuchTransaction,
      `Given transaction number ${txnNumber} does not match any in-progress transactions.`,
      {},
      TRANSIENT,
    );
  }
  if (current.state === 'aborted') throw noSuchTransaction(txnNumber);
  if (current.state === 'committed' && cmd.commitTransaction === undefined) {
    throw new CommandError(Code.TransactionCommitted, `Transaction with { txnNumber: ${txnNumber} } has been committed.`);
  }
  return current;
}

export function commitTransaction(txn: Transaction | undefined): void {
  if (!txn) throw new CommandError(Code.NoSuchTransaction, 'commitTransaction requires a transaction (txnNumber, autocommit: false)', {}, TRANSIENT);
  if (txn.state === 'aborted') throw noSuchTransaction(txn.txnNumber);
  if (txn.state === 'active') txn.commit(); // a committed one is a retry: answer ok again
}

export function abortTransaction(txn: Transaction | undefined): void {
  if (!txn) throw new CommandError(Code.NoSuchTransaction, 'abortTransaction requires a transaction', {}, TRANSIENT);
  if (txn.state === 'committed')
    throw new CommandError(Code.TransactionCommitted, `Transaction with { txnNumber: ${txn.txnNumber} } has been committed.`);
  if (txn.state === 'aborted') throw noSuchTransaction(txn.txnNumber);
  txn.abort();
}
