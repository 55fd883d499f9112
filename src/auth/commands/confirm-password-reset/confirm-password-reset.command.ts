import { Command } from '@nestjs/cqrs';

export class ConfirmPasswordResetCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
