import { Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '../../../config/app-config';
import { SendMailCommand } from '../../../mail/contracts';
import { DEFAULT_LANG } from '../../../shared/reference-data';
import { AccountTokenRepository } from '../../account-tokens/account-token.repository';
import { passwordResetMail } from '../../mails/account-mails';
import { UserRepository } from '../../persistence/user.repository';
import { RequestPasswordResetCommand } from './request-password-reset.command';

/** SPEC §3: a reset link works once, for one hour. */
export const PASSWORD_RESET_TTL_MS = 3600 * 1000;
/** Unused links at once per user: more requests within the hour send nothing (no mail-bombing of an address). */
export const MAX_PENDING_RESETS = 3;

/**
 * No enumeration (SPEC §3): the answer is the same 202 for every address, and it leaves before any
 * work that depends on the address is done. The lookup, the token and the e-mail (queued; SMTP never
 * runs in a request) follow the answer, so its time is that of validation and throttling only,
 * identical for known and unknown addresses. A failure there is logged; the client never hears of
 * it, as it would not for an unknown address.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand>, BeforeApplicationShutdown {
  private readonly logger = new Logger('PasswordReset');
  /** Work started after an answer, awaited at shutdown (before MongoDB and Redis close). */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenRepository,
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  execute({ email }: RequestPasswordResetCommand): Promise<void> {
    const work: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.sendLink(email))
      .catch((error: unknown) => this.logger.error(`Could not send a password reset link: ${String(error)}`))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    return Promise.resolve();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async sendLink(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    // Unknown or disabled: nothing to send (a disabled user cannot sign in with a new password either).
    if (!user || user.disabled) return;
    if ((await this.tokens.countPending(user._id, 'password-reset')) >= MAX_PENDING_RESETS) {
      this.logger.warn(`Password reset of user ${user._id} not sent: ${MAX_PENDING_RESETS} unused links of the last hour`);
      return;
    }
    const { token, record } = await this.tokens.issue('password-reset', PASSWORD_RESET_TTL_MS, { userId: user._id });
    const link = `${this.config.publicUrl}/reset-password?token=${token}`;
    const mail = passwordResetMail(user.language ?? DEFAULT_LANG, { name: user.name, link });
    await this.commands.execute(new SendMailCommand({ key: `password-reset:${record.ref}`, to: user.email, ...mail }));
  }
}
