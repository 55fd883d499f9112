import { Injectable } from '@nestjs/common';
import { SessionRepository } from './session.repository';
import { SessionsEndedChannel } from './sessions-ended.channel';
import { SessionsEndedEvent } from './sessions-ended.event';

/**
 * Ends sessions: first in MongoDB (every instance's next request with such a token is a 401), then
 * tells every instance to close the sockets of those sessions.
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly repository: SessionRepository,
    private readonly channel: SessionsEndedChannel,
  ) {}

  /** A logout: this session only. */
  async end(userId: string, sessionId: string): Promise<void> {
    await this.repository.end(sessionId, userId);
    await this.channel.publish(new SessionsEndedEvent(userId, sessionId, null));
  }

  /** Every session of the user (disabled, password reset), or all but the caller's own (password change). */
  async endAll(userId: string, exceptSessionId: string | null = null): Promise<void> {
    await this.repository.endAllOf(userId, exceptSessionId ?? undefined);
    await this.channel.publish(new SessionsEndedEvent(userId, null, exceptSessionId));
  }
}
