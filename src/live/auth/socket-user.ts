import type { Socket } from 'socket.io';
import type { AuthSession, AuthUser } from '../../auth/contracts';

/** The user the handshake authenticated, kept on the socket for the rights checks of each watch. */
export function socketUser(socket: Pick<Socket, 'data'>): AuthUser {
  const user = (socket.data as { user?: AuthUser }).user;
  if (!user) throw new Error('socket has no authenticated user (the auth middleware did not run)');
  return user;
}

/** The session of the socket's token: the socket is closed when it ends or expires. */
export function socketSession(socket: Pick<Socket, 'data'>): AuthSession | undefined {
  return (socket.data as { session?: AuthSession }).session;
}

export function setSocketSession(socket: Socket, session: AuthSession): void {
  Object.assign(socket.data as object, { user: session.user, session });
}
