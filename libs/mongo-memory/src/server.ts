import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { DataDir, type RecoveryStats } from './durability/data-dir';
import { FSYNC_POLICIES, type FsyncPolicy } from './durability/journal';
import type { SnapshotStats } from './durability/snapshot';
import { Engine } from './engine';
import { serveConnection } from './connection';

export interface MongoMemoryServerOptions {
  /** Answer as a single-node replica set of this name (needed for transactions and change streams). */
  replicaSet?: string;
  /**
   * Open transactions older than this are aborted and their locks freed, like MongoDB's
   * `transactionLifetimeLimitSeconds` (default 60 000 ms). Sessions outlive connections, so a
   * client killed mid-transaction holds its locks until then: lower it in tests that kill clients.
   */
  transactionLifetimeMs?: number;
  /**
   * Keep the data in this directory (created if missing): an append-only journal of committed
   * changes plus snapshots; `start()` recovers what is there. Without it everything is in memory.
   */
  dataDir?: string;
  /**
   * With `dataDir`: when the journal is fsync'ed. `always` (the default): before each write is
   * acknowledged; `everysec`: once a second (writes are still written before they are
   * acknowledged, so a killed process loses nothing; `j: true` writes wait for their sync);
   * `no`: when the OS decides.
   */
  fsync?: FsyncPolicy;
  /** With `dataDir`: write a snapshot and start a new journal once the journal passes this many bytes (default 64 MiB). */
  compactAfterBytes?: number;
  /** With `dataDir`: where warnings go (an ignored torn journal record, a failed compaction); default stderr. */
  log?: (message: string) => void;
}

export interface StartOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

let connections = 0;

/**
 * An in-process server speaking the MongoDB wire protocol over TCP, with all data in memory.
 * For tests and demos only: no authentication, no replication; durable only with `dataDir`.
 */
export class MongoMemoryServer {
  private engine?: Engine;
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private currentUri?: string;
  private dataDir?: DataDir;

  constructor(private readonly options: MongoMemoryServerOptions = {}) {
    const lifetime = options.transactionLifetimeMs;
    if (lifetime !== undefined && !(Number.isFinite(lifetime) && lifetime > 0)) {
      throw new Error(`transactionLifetimeMs must be a positive number of milliseconds, got ${lifetime}`);
    }
    if (options.fsync !== undefined && !FSYNC_POLICIES.includes(options.fsync)) {
      throw new Error(`fsync must be one of ${FSYNC_POLICIES.join(', ')}, got ${String(options.fsync)}`);
    }
    const compact = options.compactAfterBytes;
    if (compact !== undefined && !(Number.isFinite(compact) && compact > 0)) {
      throw new Error(`compactAfterBytes must be a positive number of bytes, got ${compact}`);
    }
  }

  /** With a data directory: what start() recovered and how long it took. */
  get recovery(): RecoveryStats | undefined {
    return this.dataDir?.recovery;
  }

  /**
   * With a data directory: writes a snapshot now and starts a new journal (done automatically
   * when the journal passes `compactAfterBytes`). Writes go on while it runs.
   */
  compact(): Promise<SnapshotStats> {
    if (!this.dataDir) return Promise.reject(new Error('MongoMemoryServer has no data directory (or is not started)'));
    return this.dataDir.compact();
  }

  /** The connection string, once started. */
  get uri(): string {
    if (!this.currentUri) throw new Error('MongoMemoryServer is not started');
    return this.currentUri;
  }

  async start({ port = 0, host = '127.0.0.1' }: StartOptions = {}): Promise<string> {
    if (this.server) throw new Error('MongoMemoryServer is already started');
    const engine = new Engine(this.options.replicaSet, { transactionLifetimeMs: this.options.transactionLifetimeMs });
    const server = createServer((socket) => this.accept(socket, engine));
    let dataDir: DataDir | undefined;
    try {
      if (this.options.dataDir !== undefined) {
        const { dataDir: dir, fsync, compactAfterBytes, log } = this.options;
        dataDir = DataDir.open(engine.storage, { dataDir: dir, fsync, compactAfterBytes, log });
        engine.journal = dataDir.journal;
      }
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      engine.close();
      await dataDir?.close();
      throw err;
    }
    this.engine = engine;
    this.dataDir = dataDir;
    this.server = server;
    const advertised = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
    const hostPart = advertised.includes(':') ? `[${advertised}]` : advertised;
    engine.address = `${hostPart}:${(server.address() as AddressInfo).port}`;
    const rs = this.options.replicaSet;
    this.currentUri = `mongodb://${engine.address}/${rs ? `?replicaSet=${encodeURIComponent(rs)}` : ''}`;
    return this.currentUri;
  }

  /** Closes every socket and timer; with a data directory, syncs the journal and releases the directory. Resolves when all is closed. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.currentUri = undefined;
    this.engine?.close();
    this.engine = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const dataDir = this.dataDir;
    this.dataDir = undefined;
    await dataDir?.close();
  }

  private accept(socket: Socket, engine: Engine): void {
    const connectionId = ++connections;
    this.sockets.add(socket);
    engine.connections.current++;
    engine.connections.totalCreated++;
    socket.setNoDelay(true);
    serveConnection(socket, engine, connectionId);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      engine.connections.current--;
    });
  }
}
