import type { QueryBus } from '@nestjs/cqrs';
import type { Socket } from 'socket.io';
import { VerifyAccessTokenQuery } from '../../auth/contracts';
import { setSocketUser } from './socket-user';

export const UNAUTHORIZED = 'unauthorized';

/**
 * Namespace middleware: the handshake must carry `auth: {token}` with a valid access token; any
 * other socket is refused with a `connect_error` whose message is `unauthorized`.
 */
export function socketAuthMiddleware(queries: QueryBus) {
  return (socket: Socket, next: (error?: Error) => void): void => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    queries
      .execute(new VerifyAccessTokenQuery(token))
      .then((user) => {
        if (!user) return next(new Error(UNAUTHORIZED));
        setSocketUser(socket, user);
        next();
      })
      // MongoDB is not needed to verify a JWT, but never leave a handshake hanging.
      .catch(() => next(new Error(UNAUTHORIZED)));
  };
}
