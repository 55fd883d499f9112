import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SendMailCommand } from '../contracts';
import { MailQueue } from '../queue/mail-queue';

@CommandHandler(SendMailCommand)
export class SendMailHandler implements ICommandHandler<SendMailCommand> {
  constructor(private readonly queue: MailQueue) {}

  execute({ mail }: SendMailCommand): Promise<void> {
    return this.queue.send([mail]);
  }
}
