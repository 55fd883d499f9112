import { Command } from '@nestjs/cqrs';
import type { AuthUser } from '../../../shared/auth-user';

export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly user: AuthUser,
    /** The caller's session: it stays open, every other one of the user ends. */
    readonly sessionId: string,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {
    super();
  }
}
