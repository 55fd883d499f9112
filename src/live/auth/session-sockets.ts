import type { Namespace, Socket } from 'socket.io';
import type { SessionsEndedEvent } from '../../auth/contracts';
import { LiveServerMessages } from '../contracts';
import { UNAUTHORIZED } from './socket-auth.middleware';
import { socketSession } from './socket-user';

/** Sent to a socket just before the server disconnects it because its session ended or expired. */
export const SESSION_ENDED = LiveServerMessages.sessionEnded;
export interface SessionEndedMessage {
  reason: typeof UNAUTHORIZED;
}

/** setTimeout's limit (about 24.8 days); a token lives 7 days at most. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes sockets whose session is over (SPEC §5): at the token's expiry (a timer per socket), and when
 * sessions end (logout, password change, disabled user: SessionsEndedEvent, on every instance).
 * The client gets `session.ended` `{reason: "unauthorized"}`, then the server's disconnect.
 */
export class SessionSockets {
  private readonly timers = new WeakMap<Socket, NodeJS.Timeout>();
  // One callback for every socket's timer (the socket is the timer's argument): no closure per socket.
  private readonly expire = (socket: Socket) => this.cut(socket);

  /** Arms the expiry timer of a socket that just connected; disconnects it at once if already expired. */
  track(socket: Socket): void {
    const session = socketSession(socket);
    if (!session) return;
    const remaining = session.expiresAt.getTime() - Date.now();
    if (remaining <= 0) return this.cut(socket);
    const timer = setTimeout(this.expire, Math.min(remaining, MAX_TIMER_MS), socket);
    timer.unref();
    this.timers.set(socket, timer);
  }

  /** Disarms the timer of a socket that disconnected (the gateway's disconnect hook: no listener per socket). */
  untrack(socket: Socket): void {
    clearTimeout(this.timers.get(socket));
    this.timers.delete(socket);
  }

  /** Closes this instance's sockets of the sessions that ended. */
  endSessions(namespace: Namespace, ended: SessionsEndedEvent): number {
    let closed = 0;
    for (const socket of namespace.sockets.values()) {
      const session = socketSession(socket);
      if (session && ended.covers(session.user.id, session.sessionId)) {
        this.cut(socket);
        closed++;
      }
    }
    return closed;
  }

  /** The message first, then the disconnect: engine.io flushes what was written before it closes. */
  cut(socket: Socket): void {
    clearTimeout(this.timers.get(socket));
    if (!socket.connected) return;
    socket.emit(SESSION_ENDED, { reason: UNAUTHORIZED } satisfies SessionEndedMessage);
    socket.disconnect(true);
  }
}
