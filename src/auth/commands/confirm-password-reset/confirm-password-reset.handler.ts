import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountTokenRepository } from '../../account-tokens/account-token.repository';
import { PasswordHasher } from '../../password-hasher';
import { UserRepository } from '../../persistence/user.repository';
import { Sessions } from '../../sessions/sessions.service';
import { unusableLink } from '../accept-invitation/accept-invitation.handler';
import { ConfirmPasswordResetCommand } from './confirm-password-reset.command';

/**
 * Sets the new password and ends every session of the user: whoever knew the old password (the
 * reason for many resets) is signed out everywhere. The other reset links of the user stop working.
 */
@CommandHandler(ConfirmPasswordResetCommand)
export class ConfirmPasswordResetHandler implements ICommandHandler<ConfirmPasswordResetCommand> {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
  ) {}

  async execute({ token, password }: ConfirmPasswordResetCommand): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    const userId = (await this.tokens.consume('password-reset', token))?.userId;
    const user = userId ? await this.users.findById(userId) : null;
    if (!user || user.disabled) throw unusableLink();
    await this.users.setPasswordHash(user._id, passwordHash);
    await this.tokens.discardOf(user._id, 'password-reset');
    await this.sessions.endAll(user._id);
  }
}
