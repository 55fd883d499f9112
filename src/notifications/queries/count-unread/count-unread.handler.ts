import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InboxRepository } from '../../persistence/inbox.repository';
import { CountUnreadQuery } from './count-unread.query';

@QueryHandler(CountUnreadQuery)
export class CountUnreadHandler implements IQueryHandler<CountUnreadQuery> {
  constructor(private readonly inbox: InboxRepository) {}

  async execute({ user }: CountUnreadQuery): Promise<{ count: number }> {
    return { count: user.cityId ? await this.inbox.countUnread(user.cityId) : 0 };
  }
}
