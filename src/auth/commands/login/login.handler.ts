import { DEFAULT_LANG } from '../../../shared/reference-data';
import { Logger, UnauthorizedException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PasswordHasher } from '../../password-hasher';
import { UserRepository } from '../../persistence/user.repository';
import { AccountLoginLimiter } from '../../throttling/account-login-limiter';
import { Sessions } from '../../sessions/sessions.service';
import { TokenService } from '../../token.service';
import { LoginCommand, LoginResult } from './login.command';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  private readonly logger = new Logger(LoginHandler.name);

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly accounts: AccountLoginLimiter,
    private readonly sessions: Sessions,
  ) {}

  async execute({ email, password, address }: LoginCommand): Promise<LoginResult> {
    // Counted before the password is checked, for known and unknown e-mails alike: a held account
    // answers 429 whether it exists or not.
    await this.accounts.begin(email, address);
    const user = await this.users.findByEmail(email);
    // Unknown e-mail: the hasher verifies against its stand-in hash (same algorithm and cost), so
    // both paths do the same work.
    const valid = await this.hasher.verify(password, user?.passwordHash);
    // One message for unknown e-mail and wrong password: no account enumeration.
    // A disabled user is refused like a wrong password, and only after the same work.
    if (!user || !valid || user.disabled) throw new UnauthorizedException('The e-mail or password is wrong.');
    await this.accounts.succeeded(email, address);
    if (this.hasher.needsRehash(user.passwordHash)) await this.rehash(user._id, user.passwordHash, password);
    const view = { id: user._id, email: user.email, name: user.name, role: user.role, cityId: user.cityId ?? null };
    const accessToken = await this.tokens.issue(view);
    // Disabled while this login ran: its session opened after the disable ended the others.
    if ((await this.users.findById(user._id))?.disabled) {
      await this.sessions.endAll(user._id);
      throw new UnauthorizedException('The e-mail or password is wrong.');
    }
    return { accessToken, user: { ...view, language: user.language ?? DEFAULT_LANG } };
  }

  /** A hash of an earlier release (bcrypt) or cost becomes Argon2id now that the password is known. */
  private async rehash(id: string, previous: string, password: string): Promise<void> {
    try {
      await this.users.replacePasswordHash(id, previous, await this.hasher.hash(password));
    } catch (error) {
      // The login stands; the next one tries again.
      this.logger.warn(`Could not upgrade the password hash of user ${id}: ${(error as Error).message}`);
    }
  }
}
