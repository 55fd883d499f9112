import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InboxRepository } from '../../persistence/inbox.repository';
import { MarkAllReadCommand } from './mark-all-read.command';

@CommandHandler(MarkAllReadCommand)
export class MarkAllReadHandler implements ICommandHandler<MarkAllReadCommand> {
  constructor(private readonly inbox: InboxRepository) {}

  async execute({ user }: MarkAllReadCommand): Promise<{ updated: number }> {
    return { updated: user.cityId ? await this.inbox.markAllRead(user.cityId) : 0 };
  }
}
