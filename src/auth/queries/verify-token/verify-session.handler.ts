import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TokenService } from '../../token.service';
import { VerifySessionQuery } from './verify-session.query';

@QueryHandler(VerifySessionQuery)
export class VerifySessionHandler implements IQueryHandler<VerifySessionQuery> {
  constructor(private readonly tokens: TokenService) {}

  execute({ token }: VerifySessionQuery) {
    return this.tokens.authenticate(token);
  }
}
