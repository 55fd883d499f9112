import { CommandHandler, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UserRepository } from '../persistence/user.repository';
import type { UserDocument } from '../persistence/user.schema';
import { GetMailRecipientQuery, ListMailRecipientsQuery, SetEmailCadenceCommand, type MailRecipient } from './mail-recipients';

const toRecipient = (u: UserDocument): MailRecipient => ({
  userId: u._id,
  email: u.email,
  name: u.name,
  cityId: u.cityId,
  language: u.language ?? 'en',
  emailCadence: u.emailCadence ?? 'instant',
});

@QueryHandler(ListMailRecipientsQuery)
export class ListMailRecipientsHandler implements IQueryHandler<ListMailRecipientsQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ cityIds, cadence }: ListMailRecipientsQuery): Promise<MailRecipient[]> {
    return (await this.users.findEnabledOfCities(cityIds, cadence)).map(toRecipient);
  }
}

@QueryHandler(GetMailRecipientQuery)
export class GetMailRecipientHandler implements IQueryHandler<GetMailRecipientQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId }: GetMailRecipientQuery): Promise<MailRecipient | null> {
    const user = await this.users.findById(userId);
    return user && !user.disabled ? toRecipient(user) : null;
  }
}

@CommandHandler(SetEmailCadenceCommand)
export class SetEmailCadenceHandler implements ICommandHandler<SetEmailCadenceCommand> {
  constructor(private readonly users: UserRepository) {}

  execute({ userId, cadence }: SetEmailCadenceCommand): Promise<boolean> {
    return this.users.setEmailCadence(userId, cadence);
  }
}
