import type { Socket } from 'socket.io';

/** Answers one client message of a socket; the result goes back through the acknowledgement. */
export type MessageHandler = (socket: Socket, body: unknown) => Promise<unknown>;

/**
 * Client messages bound by hand instead of with Nest's `@SubscribeMessage`, which builds an rxjs
 * pipeline per handler per socket (about 17 KB of an idle socket's heap for our four messages, by
 * bench/sockets/heap-diff.ts). Each listener is made once and shared by every socket: Socket.IO calls it
 * with `this` set to the socket. As in Nest, the body is the message's argument (an array if the
 * client sent several) and the acknowledgement, when the client asked for one, gets the result.
 * A handler that throws or rejects answers `unavailable` (and is reported through `onError`).
 */
export function sharedListener(
  message: string,
  handle: MessageHandler,
  onError: (message: string, error: unknown) => unknown,
): (this: Socket, ...args: unknown[]) => void {
  return function (this: Socket, ...args: unknown[]): void {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (response: unknown) => void) : undefined;
    const body = args.length > 1 ? args : args[0];
    // Arrow functions below: `this` stays the socket.
    new Promise((resolve) => resolve(handle(this, body)))
      .catch((error: unknown) => onError(message, error))
      .then((response) => {
        // A socket gone meanwhile has no one to answer (Nest's pipeline stops at disconnect too).
        if (ack && this.connected && response !== undefined && response !== null) ack(response);
      });
  };
}

/** Registers the shared listeners on a socket that just connected (before any await: its first message may follow at once). */
export function listen(socket: Socket, listeners: ReadonlyMap<string, (this: Socket, ...args: unknown[]) => void>): void {
  for (const [message, listener] of listeners) socket.on(message, listener);
}
