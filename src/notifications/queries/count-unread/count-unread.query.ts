import { Query } from '@nestjs/cqrs';
import type { AuthUser } from '../../../auth/contracts';

export class CountUnreadQuery extends Query<{ count: number }> {
  constructor(readonly user: AuthUser) {
    super();
  }
}
