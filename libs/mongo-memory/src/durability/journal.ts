import { closeSync, existsSync, fdatasync, fsyncSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encodeRecord } from './records';

const datasync = promisify(fdatasync);

/**
 * When the journal reaches the disk, as Redis's `appendfsync`:
 * - `always`: every commit group is written and fdatasync'ed before its command is answered
 *   (what `writeConcern: {j: true}` promises; concurrent commits share one fdatasync);
 * - `everysec`: written (to the OS) before answering, fdatasync'ed once a second: a killed process
 *   loses nothing, a machine crash at most about a second; a `j: true` write still waits for its sync;
 * - `no`: written before answering, synced when the OS decides (and at rotation and close).
 */
export type FsyncPolicy = 'always' | 'everysec' | 'no';
export const FSYNC_POLICIES: readonly FsyncPolicy[] = ['always', 'everysec', 'no'];

export const journalFile = (dir: string, gen: number): string => join(dir, `journal-${String(gen).padStart(6, '0')}.log`);
export const JOURNAL_NAME = /^journal-(\d+)\.log$/;

interface Entry {
  gen: number;
  buf: Buffer;
  seq: number;
}

interface Waiter {
  seq: number;
  sync: boolean;
  resolve(): void;
  reject(err: Error): void;
}

/**
 * The append-only journal of committed changes. Records are queued synchronously, in commit
 * order, by the storage layer; one writer loop appends whatever is queued in one write (group
 * commit) and syncs as the policy says. The write itself is synchronous (to the OS page cache, a
 * few µs, as Redis does before replying); only fdatasync runs off the event loop. Commands wait for `durable(seq)` before they are answered.
 * Each generation is its own file, starting with a header record; a snapshot names the
 * generation that follows it.
 */
export class Journal {
  /** Sequence number of the last record queued. */
  appended = 0;
  private written = 0;
  private synced = 0;
  private queue: Entry[] = [];
  private waiters: Waiter[] = [];
  private running?: Promise<void>;
  private closed = false;
  private syncDue = false;
  private failure?: Error;
  private file?: { gen: number; fd: number };
  private readonly timer?: NodeJS.Timeout;

  private constructor(
    private readonly dir: string,
    readonly policy: FsyncPolicy,
    /** The generation new records go to. */
    public gen: number,
    /** Bytes in the current generation's file, queued records included. */
    public bytes: number,
    private readonly onError: (err: Error) => void,
  ) {
    if (policy === 'everysec') {
      this.timer = setInterval(() => {
        if (this.synced < this.written) this.requestSync();
      }, 1000);
      this.timer.unref();
    }
  }

  /** Continues generation `gen` (already checked and truncated to its last good record), or starts it. */
  static open(dir: string, gen: number, policy: FsyncPolicy, onError: (err: Error) => void): Journal {
    // Synchronous, so that recovery attaches the journal before any timer (TTL) can change data; the file is opened at the first write.
    const path = journalFile(dir, gen);
    const size = existsSync(path) ? statSync(path).size : 0;
    const journal = new Journal(dir, policy, gen, size, onError);
    if (size === 0) journal.push(encodeRecord(header(gen)));
    return journal;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  /** Queues one record; refuses once a write or sync has failed (the change is then not applied). */
  push(buf: Buffer): number {
    if (this.failure) throw new Error(`mongo-memory journal is unusable after an I/O error: ${this.failure.message}`);
    if (this.closed) throw new Error('mongo-memory journal is closed');
    const seq = ++this.appended;
    this.queue.push({ gen: this.gen, buf, seq });
    this.bytes += buf.length;
    this.kick();
    return seq;
  }

  /** Later records go to a new generation (its file is created once the previous one is synced). */
  rotate(): { gen: number; seq: number } {
    const seq = this.appended;
    this.gen++;
    this.bytes = 0;
    this.push(encodeRecord(header(this.gen)));
    return { gen: this.gen, seq };
  }

  /** Resolves once record `seq` is written, and synced if `sync` or the policy is `always`. */
  durable(seq: number, sync = false): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const needSync = sync || this.policy === 'always';
    if (seq <= (needSync ? this.synced : this.written)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ seq, sync: needSync, resolve, reject });
      if (needSync && seq <= this.written) this.requestSync();
    });
  }

  /** Writes and syncs everything queued, then closes the file once the writer loop is idle. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    try {
      if (!this.failure) await this.durable(this.appended, true);
    } finally {
      this.closed = true;
      while (this.running) await this.running;
      if (this.file) closeSync(this.file.fd);
      this.file = undefined;
    }
  }

  private requestSync(): void {
    this.syncDue = true;
    this.kick();
  }

  private kick(): void {
    if (this.running || this.failure || this.closed) return;
    // A microtask: every record a synchronous command queues goes out in the same write.
    this.running = Promise.resolve().then(() => this.loop());
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        if (this.queue.length) {
          const gen = this.queue[0].gen;
          let n = 1;
          while (n < this.queue.length && this.queue[n].gen === gen) n++;
          const batch = this.queue.splice(0, n);
          const fd = await this.fileFor(gen);
          writeAll(fd, batch.length === 1 ? batch[0].buf : Buffer.concat(batch.map((e) => e.buf)));
          this.written = batch[batch.length - 1].seq;
          if (this.policy === 'always' || this.syncDue || this.waiters.some((w) => w.sync && w.seq <= this.written)) await this.sync(fd);
          this.settle();
        } else if (this.syncDue && this.file) {
          await this.sync(this.file.fd);
          this.settle();
        } else {
          break;
        }
      }
    } catch (err) {
      this.failure = err instanceof Error ? err : new Error(String(err));
      for (const w of this.waiters.splice(0)) w.reject(this.failure);
      this.queue = [];
      this.onError(this.failure);
    } finally {
      this.running = undefined;
    }
  }

  private async sync(fd: number): Promise<void> {
    this.syncDue = false;
    const upTo = this.written;
    await datasync(fd);
    this.synced = upTo;
  }

  private settle(): void {
    this.waiters = this.waiters.filter((w) => {
      const done = w.seq <= (w.sync ? this.synced : this.written);
      if (done) w.resolve();
      return !done;
    });
  }

  /** The file of generation `gen`: the previous one is synced and closed before the next is created. */
  private async fileFor(gen: number): Promise<number> {
    if (this.file?.gen === gen) return this.file.fd;
    if (this.file) {
      await datasync(this.file.fd);
      this.synced = this.written;
      closeSync(this.file.fd);
      this.file = undefined;
    }
    const fd = openSync(journalFile(this.dir, gen), 'a');
    this.file = { gen, fd };
    // The new file's directory entry must be durable too.
    const dirFd = openSync(this.dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
    return fd;
  }
}

function header(gen: number) {
  return { t: 'journal', v: 1, gen, at: new Date() };
}

function writeAll(fd: number, buf: Buffer): void {
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
}
