import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { toNotificationView, type NotificationView } from '../../notification-view';
import { InboxRepository } from '../../persistence/inbox.repository';
import { ListNotificationsQuery } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly inbox: InboxRepository) {}

  async execute({ user, unreadOnly, page }: ListNotificationsQuery): Promise<Page<NotificationView>> {
    // An admin without a city has no inbox (SPEC §3: each city user sees their city's).
    if (!user.cityId) return pageOf([], 0, page);
    const { items, total } = await this.inbox.list(user.cityId, unreadOnly, page);
    return pageOf(items.map(toNotificationView), total, page);
  }
}
