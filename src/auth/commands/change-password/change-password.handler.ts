import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, NotFoundError } from '@app/domain';
import { PasswordHasher } from '../../password-hasher';
import { UserRepository } from '../../persistence/user.repository';
import { Sessions } from '../../sessions/sessions.service';
import { ChangePasswordCommand } from './change-password.command';

/**
 * SPEC §3: 204 and the user's OTHER sessions end. The caller's token keeps working (sessions are per
 * token, so only the others are ended); the client need not sign in again.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
  ) {}

  async execute({ user, sessionId, currentPassword, newPassword }: ChangePasswordCommand): Promise<void> {
    const stored = await this.users.findById(user.id);
    if (!stored) throw new NotFoundError('user', user.id);
    // A 400 on the field, not a 401: the session is fine, the form is not.
    if (!(await this.hasher.verify(currentPassword, stored.passwordHash))) {
      throw new InvalidInputError('currentPassword', 'currentPassword is not the current password');
    }
    await this.users.setPasswordHash(user.id, await this.hasher.hash(newPassword));
    await this.sessions.endAll(user.id, sessionId);
  }
}
