import { Query } from '@nestjs/cqrs';
import type { AuthUser } from '../../../shared/auth-user';

/** The user of a valid access token, or null. Used by the live gateway's handshake. */
export class VerifyAccessTokenQuery extends Query<AuthUser | null> {
  constructor(readonly token: unknown) {
    super();
  }
}
