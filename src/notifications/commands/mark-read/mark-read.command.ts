import { Command } from '@nestjs/cqrs';
import type { AuthUser } from '../../../auth/contracts';
import type { NotificationView } from '../../notification-view';

export class MarkReadCommand extends Command<NotificationView> {
  constructor(
    readonly user: AuthUser,
    readonly notificationId: string,
  ) {
    super();
  }
}
