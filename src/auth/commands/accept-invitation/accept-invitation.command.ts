import { Command } from '@nestjs/cqrs';
import type { LoginResult } from '../login/login.command';

export class AcceptInvitationCommand extends Command<LoginResult> {
  constructor(
    readonly token: string,
    readonly password: string,
  ) {
    super();
  }
}
