import { DEFAULT_LANG } from '../../../shared/reference-data';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError } from '@app/domain';
import { AccountTokenRepository } from '../../account-tokens/account-token.repository';
import { PasswordHasher } from '../../password-hasher';
import { UserRepository } from '../../persistence/user.repository';
import { TokenService } from '../../token.service';
import type { LoginResult } from '../login/login.command';
import { AcceptInvitationCommand } from './accept-invitation.command';

/** One message for an unknown, expired or used link: which one it was helps nobody but an attacker. */
export const unusableLink = () =>
  new InvalidInputError('token', 'This link is not valid: it may have expired or been used already. Ask for a new one.');

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: TokenService,
  ) {}

  async execute({ token, password }: AcceptInvitationCommand): Promise<LoginResult> {
    // Hashed before the token is taken, so a slow hash never leaves a used token without its user.
    const passwordHash = await this.hasher.hash(password);
    const invitation = (await this.tokens.consume('invitation', token))?.invitation;
    if (!invitation) throw unusableLink();
    // A user created with this e-mail since the invitation was sent: 409 user.email-taken.
    const user = await this.users.create({
      email: invitation.email,
      passwordHash,
      name: invitation.name,
      role: invitation.role,
      cityId: invitation.cityId,
      language: invitation.language,
    });
    const view = { id: user._id, email: user.email, name: user.name, role: user.role, cityId: user.cityId ?? null };
    return { accessToken: await this.sessions.issue(view), user: { ...view, language: user.language ?? DEFAULT_LANG } };
  }
}
