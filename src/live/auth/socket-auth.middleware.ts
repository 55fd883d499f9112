import type { QueryBus } from '@nestjs/cqrs';
import type { Socket } from 'socket.io';
import { VerifySessionQuery } from '../../auth/contracts';
import { setSocketSession } from './socket-user';

export const UNAUTHORIZED = 'unauthorized';

/** The token a socket connected with. */
export const handshakeToken = (socket: Socket): unknown => (socket.handshake.auth as { token?: unknown } | undefined)?.token;

/** Drops the token from the handshake once the socket's session is known (SessionSockets follows it from then on). */
export function forgetHandshakeToken(socket: Socket): void {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (auth) delete auth.token;
}

/**
 * Namespace middleware: the handshake must carry `auth: {token}` with a valid access token whose
 * session is open; any other socket is refused with a `connect_error` whose message is `unauthorized`.
 */
export function socketAuthMiddleware(queries: QueryBus) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    queries
      .execute(new VerifySessionQuery(handshakeToken(socket)))
      .then((session) => {
        if (!session) return next(new Error(UNAUTHORIZED));
        setSocketSession(socket, session);
        next();
      })
      // MongoDB unreachable (the session cannot be read): never leave a handshake hanging.
      .catch(() => next(new Error(UNAUTHORIZED)));
  };
}
