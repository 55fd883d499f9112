import type { Socket } from 'socket.io';
import type { AuthUser } from '../../auth/contracts';

/** The user the handshake authenticated, kept on the socket for the rights checks of each watch. */
export function socketUser(socket: Pick<Socket, 'data'>): AuthUser {
  const user = (socket.data as { user?: AuthUser }).user;
  if (!user) throw new Error('socket has no authenticated user (the auth middleware did not run)');
  return user;
}

export function setSocketUser(socket: Socket, user: AuthUser): void {
  (socket.data as { user?: AuthUser }).user = user;
}
