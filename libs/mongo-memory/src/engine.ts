import type { Document } from 'bson';
import { dispatch } from './commands';
import { Cursors } from './cursors';
import type { Journal } from './durability/journal';
import { CommandError, Code } from './errors';
import { Storage } from './storage';
import { Sessions, TRANSACTION_LIFETIME_MS } from './transactions';

export interface EngineOptions {
  /** Open transactions older than this are aborted, freeing their locks (MongoDB's transactionLifetimeLimitSeconds; default 60 s). */
  transactionLifetimeMs?: number;
}

/** The server's state and background work (TTL, transaction and cursor expiry), without the network. */
export class Engine {
  readonly storage = new Storage();
  readonly sessions: Sessions;
  readonly cursors = new Cursors();
  /** host:port as advertised in hello (replica-set mode). */
  address = '127.0.0.1:27017';
  readonly startedAt = Date.now();
  /** For serverStatus: open and ever-accepted connections (kept by the network layer). */
  readonly connections = { current: 0, totalCreated: 0 };
  /** For serverStatus, counted as a server does (inserts per document, updates and deletes per statement). */
  readonly opcounters = { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 };
  /** Set when the server has a data directory: replies to commands that changed data wait for it. */
  journal?: Journal;
  private readonly timer: NodeJS.Timeout;
  private lastSweep = 0;
  private lastTtlPass = 0;
  /** Seconds between TTL passes (setParameter): a server's default is 60; here 1, so expiry shows within about a second. */
  ttlMonitorSleepSecs = 1;

  constructor(
    readonly replicaSet?: string,
    options: EngineOptions = {},
  ) {
    const lifetime = options.transactionLifetimeMs ?? TRANSACTION_LIFETIME_MS;
    if (!Number.isFinite(lifetime) || lifetime <= 0)
      throw new Error(`transactionLifetimeMs must be a positive number of milliseconds, got ${lifetime}`);
    this.sessions = new Sessions(lifetime);
    // TTL deletes land within about a second of expiry, expired transactions within half their
    // lifetime (at most a second); unref so the timer never keeps a process alive.
    this.timer = setInterval(() => this.tick(Date.now()), Math.min(1000, Math.max(50, Math.floor(lifetime / 2))));
    this.timer.unref();
  }

  /** The reply, synchronously unless the command waits (a getMore on a change stream, a journal sync). */
  run(cmd: Document, connectionId: number): Document | Promise<Document> {
    const name = Object.keys(cmd)[0] ?? '';
    this.count(name, cmd);
    const journal = this.journal;
    const before = journal?.appended;
    const reply = dispatch(this, cmd, connectionId, name);
    if (!journal) return reply;
    return reply instanceof Promise ? reply.then((r) => this.afterJournal(cmd, r, journal, before)) : this.afterJournal(cmd, reply, journal, before);
  }

  /**
   * A command that changed data is answered once its journal records are durable (per the fsync
   * policy; `j: true` always waits for the sync). Records queued meanwhile by others may share the wait.
   */
  private async afterJournal(cmd: Document, reply: Document, journal: Journal, before: number | undefined): Promise<Document> {
    if (journal.appended === before) return reply;
    const wc = cmd.writeConcern as Document | undefined;
    try {
      await journal.durable(journal.appended, wc?.j === true || wc?.fsync === true);
    } catch (err) {
      return new CommandError(Code.InternalError, `journal write failed, the change may not survive a restart: ${(err as Error).message}`).toReply();
    }
    return reply;
  }

  private count(name: string, cmd: Document): void {
    const n = this.opcounters;
    const items = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    if (name === 'insert') n.insert += items(cmd.documents);
    else if (name === 'update') n.update += items(cmd.updates);
    else if (name === 'delete') n.delete += items(cmd.deletes);
    else if (name === 'find') n.query++;
    else if (name === 'getMore') n.getmore++;
    else n.command++;
  }

  tick(now: number): void {
    this.sessions.reap(now);
    if (Math.abs(now - this.lastTtlPass) >= this.ttlMonitorSleepSecs * 1000) {
      this.lastTtlPass = now;
      this.storage.expire(now);
    }
    if (Math.abs(now - this.lastSweep) < 1000) return;
    this.lastSweep = now;
    this.cursors.reap(now);
  }

  close(): void {
    clearInterval(this.timer);
    this.cursors.close();
    this.sessions.clear();
    this.storage.changes.close();
  }
}
