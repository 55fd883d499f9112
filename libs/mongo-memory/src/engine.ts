import type { Document } from 'bson';
import { dispatch } from './commands';
import { Cursors } from './cursors';
import { Storage } from './storage';
import { Sessions } from './transactions';

/** The server's state and background work (TTL, transaction and cursor expiry), without the network. */
export class Engine {
  readonly storage = new Storage();
  readonly sessions = new Sessions();
  readonly cursors = new Cursors();
  /** host:port as advertised in hello (replica-set mode). */
  address = '127.0.0.1:27017';
  private readonly timer: NodeJS.Timeout;

  constructor(readonly replicaSet?: string) {
    // TTL deletes land within about a second of expiry; unref so the timer never keeps a process alive.
    this.timer = setInterval(() => this.tick(Date.now()), 1000);
    this.timer.unref();
  }

  run(cmd: Document, connectionId: number): Promise<Document> {
    return dispatch(this, cmd, connectionId);
  }

  tick(now: number): void {
    this.sessions.reap(now);
    this.storage.expire(now);
    this.cursors.reap(now);
  }

  close(): void {
    clearInterval(this.timer);
    this.cursors.close();
    this.sessions.clear();
    this.storage.changes.close();
  }
}
