import { Query } from '@nestjs/cqrs';
import type { AuthUser } from '../../../shared/auth-user';

/**
 * The user of a valid access token whose session is still open, or null (also when MongoDB cannot
 * be read: it never throws). Used by the queue dashboard; the live gateway uses VerifySessionQuery,
 * which also answers the session.
 */
export class VerifyAccessTokenQuery extends Query<AuthUser | null> {
  constructor(readonly token: unknown) {
    super();
  }
}
