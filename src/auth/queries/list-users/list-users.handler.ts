import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { UserRepository } from '../../persistence/user.repository';
import { UserView } from '../../user-view';
import { ListUsersQuery } from './list-users.query';

/** Admins: every user; a city user: the users of its city. By e-mail. */
@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ viewer, page }: ListUsersQuery): Promise<Page<UserView>> {
    if (viewer.role !== 'admin' && !viewer.cityId) return pageOf([], 0, page);
    const { items, total } = await this.users.list(viewer.role === 'admin' ? null : viewer.cityId, page);
    return pageOf(items.map(UserView.of), total, page);
  }
}
