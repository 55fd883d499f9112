import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GetMailRecipientQuery } from '../../../auth/contracts';
import { DEFAULT_EMAIL_FREQUENCY } from '../../domain/notification-types';
import { PreferencesRepository } from '../../persistence/preferences.repository';
import { toPreferencesView, type PreferencesView } from '../../preferences-view';
import { GetPreferencesQuery } from './get-preferences.query';

/** The user's own e-mail cadence (auth keeps it with the user) and its city's muted types. */
@QueryHandler(GetPreferencesQuery)
export class GetPreferencesHandler implements IQueryHandler<GetPreferencesQuery> {
  constructor(
    private readonly preferences: PreferencesRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ user }: GetPreferencesQuery): Promise<PreferencesView> {
    const [city, recipient] = await Promise.all([
      user.cityId ? this.preferences.find(user.cityId) : null,
      this.queries.execute(new GetMailRecipientQuery(user.id)),
    ]);
    return toPreferencesView(city, recipient?.emailCadence ?? DEFAULT_EMAIL_FREQUENCY);
  }
}
