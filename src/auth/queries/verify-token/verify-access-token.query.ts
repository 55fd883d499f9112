import { Query } from '@nestjs/cqrs';
import type { AuthUser } from '../../../shared/auth-user';

/**
 * The user of a valid access token whose session is still open, or null. Throws only when MongoDB
 * cannot be read. The live gateway uses VerifySessionQuery, which also answers the session.
 */
export class VerifyAccessTokenQuery extends Query<AuthUser | null> {
  constructor(readonly token: unknown) {
    super();
  }
}
