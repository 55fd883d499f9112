import { io, type Socket } from 'socket.io-client';

/** A socket.io-client on the `/live` namespace, connected (or refused) before it resolves. */
export function connectLive(origin: string, token: string | undefined): Promise<Socket> {
  const socket = io(`${origin}/live`, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Collects every payload of `message` a socket receives, and waits for those matching a predicate. */
export class Inbox<T = any> {
  readonly received: T[] = [];
  private waiters: { match: (items: T[]) => boolean; resolve: () => void }[] = [];

  constructor(socket: Socket, message: string) {
    socket.on(message, (payload: T) => {
      this.received.push(payload);
      this.waiters = this.waiters.filter((w) => (w.match(this.received) ? (w.resolve(), false) : true));
    });
  }

  /** Resolves when `count` received payloads match `predicate` (fails after `timeoutMs`). */
  waitFor(predicate: (item: T) => boolean, count = 1, timeoutMs = 10_000): Promise<T[]> {
    const matching = () => this.received.filter(predicate);
    if (matching().length >= count) return Promise.resolve(matching());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out: ${matching().length}/${count} messages after ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: () => matching().length >= count,
        resolve: () => {
          clearTimeout(timer);
          resolve(matching());
        },
      });
    });
  }
}

/** Emits with an acknowledgement and resolves with it. */
export function emitWithAck<T = any>(socket: Socket, message: string, payload: unknown, timeoutMs = 5000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(message, payload) as Promise<T>;
}
