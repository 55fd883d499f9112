import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Sessions } from '../../sessions/sessions.service';
import { LogoutCommand } from './logout.command';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(private readonly sessions: Sessions) {}

  execute({ userId, sessionId }: LogoutCommand): Promise<void> {
    return this.sessions.end(userId, sessionId);
  }
}
