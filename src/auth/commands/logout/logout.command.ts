import { Command } from '@nestjs/cqrs';

/** Ends the caller's session: its token stops working, its sockets are closed. */
export class LogoutCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
  ) {
    super();
  }
}
