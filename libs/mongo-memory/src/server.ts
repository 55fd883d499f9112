import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Engine } from './engine';
import { CommandError, Code } from './errors';
import { encodeReply, Framer, OP_MSG, parseMessage } from './wire';

export interface MongoMemoryServerOptions {
  /** Answer as a single-node replica set of this name (needed for transactions and change streams). */
  replicaSet?: string;
  /**
   * Open transactions older than this are aborted and their locks freed, like MongoDB's
   * `transactionLifetimeLimitSeconds` (default 60 000 ms). Sessions outlive connections, so a
   * client killed mid-transaction holds its locks until then: lower it in tests that kill clients.
   */
  transactionLifetimeMs?: number;
}

export interface StartOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

let connections = 0;

/**
 * An in-process server speaking the MongoDB wire protocol over TCP, with all data in memory.
 * For tests and demos only: no durability, no authentication, no replication.
 */
export class MongoMemoryServer {
  private engine?: Engine;
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private currentUri?: string;

  constructor(private readonly options: MongoMemoryServerOptions = {}) {
    const lifetime = options.transactionLifetimeMs;
    if (lifetime !== undefined && !(Number.isFinite(lifetime) && lifetime > 0)) {
      throw new Error(`transactionLifetimeMs must be a positive number of milliseconds, got ${lifetime}`);
    }
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
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      engine.close();
      throw err;
    }
    this.engine = engine;
    this.server = server;
    const advertised = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
    const hostPart = advertised.includes(':') ? `[${advertised}]` : advertised;
    engine.address = `${hostPart}:${(server.address() as AddressInfo).port}`;
    const rs = this.options.replicaSet;
    this.currentUri = `mongodb://${engine.address}/${rs ? `?replicaSet=${encodeURIComponent(rs)}` : ''}`;
    return this.currentUri;
  }

  /** Closes every socket and timer; resolves when the listener is closed. */
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
  }

  private accept(socket: Socket, engine: Engine): void {
    const connectionId = ++connections;
    this.sockets.add(socket);
    engine.connections.current++;
    engine.connections.totalCreated++;
    socket.setNoDelay(true);
    const framer = new Framer();
    // Requests on one connection are answered in order, even when one of them waits (getMore on a change stream).
    let queue = Promise.resolve();
    socket.on('data', (chunk) => {
      let messages: Buffer[];
      try {
        messages = framer.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) queue = queue.then(() => this.respond(socket, engine, message, connectionId));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      engine.connections.current--;
    });
  }

  private async respond(socket: Socket, engine: Engine, message: Buffer, connectionId: number): Promise<void> {
    let request;
    try {
      request = parseMessage(message);
    } catch (err) {
      const error = err instanceof CommandError ? err : new CommandError(Code.FailedToParse, String((err as Error).message));
      if (!socket.destroyed) socket.write(encodeReply(message.readInt32LE(4), OP_MSG, error.toReply()));
      return;
    }
    const reply = await engine.run(request.command, connectionId);
    if (request.moreToCome || socket.destroyed) return;
    socket.write(encodeReply(request.requestId, request.opCode, reply));
  }
}
