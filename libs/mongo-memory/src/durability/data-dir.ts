import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  truncateSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage } from '../storage';
import { fsyncDir } from './files';
import { JOURNAL_NAME, Journal, journalFile, type FsyncPolicy } from './journal';
import { CorruptRecordError, encodeRecord, scanRecords } from './records';
import { encodeChange, redo } from './redo';
import { capture, loadSnapshot, writeSnapshot, type SnapshotStats } from './snapshot';

export interface DurabilityOptions {
  /** Created if missing. One server at a time: a lock file refuses a second one. */
  dataDir: string;
  /** Default `always`. */
  fsync?: FsyncPolicy;
  /** Write a snapshot and start a new journal once the journal passes this size (default 64 MiB). */
  compactAfterBytes?: number;
  /** Warnings (an ignored torn record, a failed compaction, a journal I/O error); default stderr. */
  log?: (message: string) => void;
}

export const DEFAULT_COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

export interface RecoveryStats {
  dataDir: string;
  /** From the snapshot. */
  snapshotDocuments: number;
  /** Journal records replayed (headers not counted) and the bytes read. */
  journalRecords: number;
  journalBytes: number;
  /** What was ignored at the end of the last journal, if anything (a torn write). */
  ignoredTail?: string;
  ms: number;
}

const SNAPSHOT = 'snapshot.bin';
const SNAPSHOT_TMP = 'snapshot.tmp';
const LOCK = 'mongod.lock';
/** Data directories held by this process (a lock file with our own pid may be stale from a reused pid). */
const held = new Set<string>();

/**
 * A server's data directory: `snapshot.bin` (all data and index definitions at some moment), the
 * journal generations that follow it (`journal-NNNNNN.log`), and a lock file.
 * Opening recovers the storage (snapshot, then every journal in order) and attaches the journal.
 */
export class DataDir {
  private compacting?: Promise<SnapshotStats>;
  lastSnapshot?: SnapshotStats;

  private constructor(
    readonly dir: string,
    private readonly storage: Storage,
    readonly journal: Journal,
    readonly recovery: RecoveryStats,
    private readonly compactAfterBytes: number,
    private readonly log: (message: string) => void,
  ) {}

  static open(storage: Storage, options: DurabilityOptions): DataDir {
    const started = performance.now();
    const log = options.log ?? ((m: string) => process.stderr.write(`mongo-memory: ${m}\n`));
    const compactAfterBytes = options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER_BYTES;
    if (!(compactAfterBytes > 0)) throw new Error(`compactAfterBytes must be a positive number, got ${compactAfterBytes}`);
    mkdirSync(options.dataDir, { recursive: true });
    const dir = realpathSync(options.dataDir);
    lock(dir);
    try {
      const stats: RecoveryStats = { dataDir: dir, snapshotDocuments: 0, journalRecords: 0, journalBytes: 0, ms: 0 };
      // A snapshot being written when the process died: the previous snapshot and the journals still hold everything.
      rmSync(join(dir, SNAPSHOT_TMP), { force: true });
      const gens = readdirSync(dir)
        .map((f) => JOURNAL_NAME.exec(f))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]))
        .sort((a, b) => a - b);
      let fromGen = gens[0] ?? 1;
      if (existsSync(join(dir, SNAPSHOT))) {
        const loaded = loadSnapshot(join(dir, SNAPSHOT), storage);
        fromGen = loaded.journalGen;
        stats.snapshotDocuments = loaded.documents;
      }
      const replay = gens.filter((g) => g >= fromGen);
      replay.forEach((g, i) => {
        if (g !== fromGen + i)
          throw new Error(`mongo-memory: ${journalFile(dir, fromGen + i)} is missing (found ${journalFile(dir, g)}); refusing to start`);
      });
      for (const [i, gen] of replay.entries()) {
        const file = journalFile(dir, gen);
        const buf = readFileSync(file);
        stats.journalBytes += buf.length;
        const result = scanRecords(buf, file, (r, offset) => {
          if (offset === 0) {
            if (r.t !== 'journal' || r.gen !== gen) throw new Error(`not the header of journal generation ${gen}`);
            return;
          }
          redo(storage, r);
          stats.journalRecords++;
        });
        if (result.tail) {
          // Only the last journal can end in a torn write: earlier ones were synced before the next was begun.
          if (i < replay.length - 1) throw new CorruptRecordError(file, result.end, `${result.tail}, in a journal that is not the last`);
          stats.ignoredTail = `${file} at offset ${result.end}: ${result.tail}`;
          log(`ignored a torn last journal record (${stats.ignoredTail}); the journal is cut there`);
          truncateSync(file, result.end);
        }
      }
      // Journals a finished compaction had not yet removed.
      for (const g of gens) if (g < fromGen) rmSync(journalFile(dir, g), { force: true });
      const journal = Journal.open(dir, replay.length ? replay[replay.length - 1] : fromGen, options.fsync ?? 'always', (err) =>
        log(`journal I/O error, further writes are refused: ${err.message}`),
      );
      stats.ms = performance.now() - started;
      const dataDir = new DataDir(dir, storage, journal, stats, compactAfterBytes, log);
      storage.recorder = {
        record: (change) => {
          journal.push(encodeRecord(encodeChange(change)));
          if (journal.bytes >= compactAfterBytes && !dataDir.compacting) dataDir.scheduleCompaction();
        },
      };
      if (journal.bytes >= compactAfterBytes) dataDir.scheduleCompaction();
      return dataDir;
    } catch (err) {
      unlock(dir);
      throw err;
    }
  }

  /**
   * Writes a snapshot of everything committed and starts a new journal generation; the old ones
   * are removed once the snapshot is in place. Writes go on meanwhile (into the new generation).
   * Called while one runs, it runs again after it, so that the snapshot holds every earlier write.
   */
  compact(): Promise<SnapshotStats> {
    const running = this.compacting;
    const run = async () => {
      // Capture and rotation in one synchronous step: the snapshot holds exactly the commits before the new generation.
      const images = capture(this.storage);
      const { gen, seq } = this.journal.rotate();
      const stats = await writeSnapshot(join(this.dir, SNAPSHOT_TMP), images, gen);
      await rename(join(this.dir, SNAPSHOT_TMP), join(this.dir, SNAPSHOT));
      await fsyncDir(this.dir);
      await this.journal.durable(seq);
      for (let g = gen - 1; g > 0; g--) {
        try {
          await unlink(journalFile(this.dir, g));
        } catch {
          break; // older generations were removed by earlier compactions
        }
      }
      this.lastSnapshot = stats;
      return stats;
    };
    const next: Promise<SnapshotStats> = (running ? running.catch(() => undefined).then(run) : run()).finally(() => {
      if (this.compacting === next) this.compacting = undefined;
    });
    this.compacting = next;
    return next;
  }

  private scheduleCompaction(): void {
    // Not inside the commit that crossed the limit: its change is recorded but not yet applied.
    setImmediate(() => {
      if (this.compacting || this.closed) return;
      this.compact().catch((err: Error) => this.log(`compaction failed (the journal goes on): ${err.message}`));
    });
  }

  private closed = false;

  /** Waits for a running compaction, writes and syncs the journal, releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.storage.recorder = undefined;
    try {
      await this.compacting?.catch(() => undefined);
      await this.journal.close();
    } finally {
      unlock(this.dir);
    }
  }
}

function lock(dir: string): void {
  const path = join(dir, LOCK);
  if (held.has(dir)) throw new Error(`mongo-memory: data directory ${dir} is already in use by this process`);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(dir);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new Error(`mongo-memory: data directory ${dir} is in use by process ${pid} (${path})`);
      }
      unlinkSync(path); // left by a process that died
    }
  }
}

function unlock(dir: string): void {
  if (!held.delete(dir)) return;
  rmSync(join(dir, LOCK), { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
