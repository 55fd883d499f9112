import type { IEvent } from '@nestjs/cqrs';

/**
 * Sessions of a user ended (logout, password change or reset, user disabled). Published on the local
 * EventBus of every API instance (carried between instances by Redis pub/sub), so each one closes
 * its own sockets of those sessions at once. Not a domain event: nothing stores it.
 */
export class SessionsEndedEvent implements IEvent {
  constructor(
    readonly userId: string,
    /** Only this session (a logout); else every session of the user… */
    readonly sessionId: string | null,
    /** …but this one (the caller's own, after a password change). */
    readonly exceptSessionId: string | null,
  ) {}

  /** Whether a socket of this user and session belongs to the sessions that ended. */
  covers(userId: string, sessionId: string): boolean {
    if (userId !== this.userId) return false;
    if (this.sessionId) return sessionId === this.sessionId;
    return sessionId !== this.exceptSessionId;
  }
}
