import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TokenService } from '../../token.service';
import { VerifyAccessTokenQuery } from './verify-access-token.query';

@QueryHandler(VerifyAccessTokenQuery)
export class VerifyAccessTokenHandler implements IQueryHandler<VerifyAccessTokenQuery> {
  constructor(private readonly tokens: TokenService) {}

  /** Never throws: a session that cannot be read (MongoDB down) is no session. */
  execute({ token }: VerifyAccessTokenQuery) {
    return this.tokens.verify(token).catch(() => null);
  }
}
