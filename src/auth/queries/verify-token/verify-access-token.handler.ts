import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TokenService } from '../../token.service';
import { VerifyAccessTokenQuery } from './verify-access-token.query';

@QueryHandler(VerifyAccessTokenQuery)
export class VerifyAccessTokenHandler implements IQueryHandler<VerifyAccessTokenQuery> {
  constructor(private readonly tokens: TokenService) {}

  execute({ token }: VerifyAccessTokenQuery) {
    return this.tokens.verify(token);
  }
}
