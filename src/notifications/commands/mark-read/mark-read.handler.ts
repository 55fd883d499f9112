import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@app/domain';
import { toNotificationView, type NotificationView } from '../../notification-view';
import { InboxRepository } from '../../persistence/inbox.repository';
import { MarkReadCommand } from './mark-read.command';

@CommandHandler(MarkReadCommand)
export class MarkReadHandler implements ICommandHandler<MarkReadCommand> {
  constructor(private readonly inbox: InboxRepository) {}

  async execute({ user, notificationId }: MarkReadCommand): Promise<NotificationView> {
    // Another city's item is a 404, not a 403: ids of other inboxes are not to be probed.
    const item = user.cityId ? await this.inbox.markRead(user.cityId, notificationId) : null;
    if (!item) throw new NotFoundError('notification', notificationId);
    return toNotificationView(item);
  }
}
