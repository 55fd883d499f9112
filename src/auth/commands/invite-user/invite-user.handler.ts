import { CommandBus, CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError, InvalidInputError } from '@app/domain';
import { GetCitySummaryQuery } from '../../../cities/contracts';
import { AppConfig } from '../../../config/app-config';
import { SendMailCommand } from '../../../mail/contracts';
import { DEFAULT_LANG } from '../../../shared/reference-data';
import { AccountTokenRepository } from '../../account-tokens/account-token.repository';
import { invitationMail } from '../../mails/account-mails';
import { UserRepository } from '../../persistence/user.repository';
import { InvitationView } from './invitation.view';
import { InviteUserCommand } from './invite-user.command';

/** SPEC §3: an invitation link works once, for 7 days. */
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

@CommandHandler(InviteUserCommand)
export class InviteUserHandler implements ICommandHandler<InviteUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenRepository,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly config: AppConfig,
  ) {}

  async execute({ input, inviter }: InviteUserCommand): Promise<InvitationView> {
    const cityId = this.cityOf(input, inviter);
    const city = cityId ? await this.queries.execute(new GetCitySummaryQuery(cityId)) : null;
    if (cityId && !city) throw new InvalidInputError('cityId', `city ${cityId} does not exist`);
    if (await this.users.findByEmail(input.email)) {
      throw new ConflictError('user.email-taken', `A user with e-mail ${input.email} already exists`);
    }
    const language = input.language ?? (await this.users.findById(inviter.id))?.language ?? DEFAULT_LANG;
    const email = input.email.toLowerCase();
    const { token, record } = await this.tokens.issue('invitation', INVITATION_TTL_MS, {
      invitation: { email, name: input.name, role: input.role, cityId, language, invitedBy: inviter.id },
    });
    const link = `${this.config.publicUrl}/accept-invitation?token=${token}`;
    const mail = invitationMail(language, {
      name: input.name,
      inviterName: inviter.name,
      cityName: city?.name ?? null,
      link,
      expiresAt: record.expiresAt,
    });
    await this.commands.execute(new SendMailCommand({ key: `invitation:${record.ref}`, to: email, ...mail }));
    return InvitationView.of(record);
  }

  /** Admins invite anyone; a city user only users of its own city (SPEC §3). */
  private cityOf(input: InviteUserCommand['input'], inviter: InviteUserCommand['inviter']): string | null {
    if (inviter.role !== 'admin') {
      if (input.role !== 'city') throw new ForbiddenError('user.invite-forbidden', 'A city user may invite only users of its own city.');
      if (input.cityId !== undefined && input.cityId !== inviter.cityId) {
        throw new ForbiddenError('user.invite-forbidden', 'A city user may invite only users of its own city.');
      }
      return inviter.cityId;
    }
    if (input.role === 'city') {
      if (!input.cityId) throw new InvalidInputError('cityId', 'cityId is required for a city user');
      return input.cityId;
    }
    if (input.cityId) throw new InvalidInputError('cityId', 'an admin does not belong to a city');
    return null;
  }
}
