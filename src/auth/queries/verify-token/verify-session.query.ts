import { Query } from '@nestjs/cqrs';
import type { AuthSession } from '../../token.service';

/**
 * The session of a valid access token (user, session id, expiry), or null. The live gateway keeps it
 * on the socket: it closes the socket when the token expires or when that session ends.
 */
export class VerifySessionQuery extends Query<AuthSession | null> {
  constructor(readonly token: unknown) {
    super();
  }
}
