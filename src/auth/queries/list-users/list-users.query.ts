import { Query } from '@nestjs/cqrs';
import type { AuthUser } from '../../../shared/auth-user';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { UserView } from '../../user-view';

export class ListUsersQuery extends Query<Page<UserView>> {
  constructor(
    readonly viewer: AuthUser,
    readonly page: PageRequest,
  ) {
    super();
  }
}
