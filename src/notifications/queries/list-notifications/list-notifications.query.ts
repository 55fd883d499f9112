import { Query } from '@nestjs/cqrs';
import type { AuthUser } from '../../../auth/contracts';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { NotificationView } from '../../notification-view';

export class ListNotificationsQuery extends Query<Page<NotificationView>> {
  constructor(
    readonly user: AuthUser,
    readonly unreadOnly: boolean,
    readonly page: PageRequest,
  ) {
    super();
  }
}
