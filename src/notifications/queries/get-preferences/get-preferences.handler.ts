import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PreferencesRepository } from '../../persistence/preferences.repository';
import { toPreferencesView, type PreferencesView } from '../../preferences-view';
import { GetPreferencesQuery } from './get-preferences.query';

@QueryHandler(GetPreferencesQuery)
export class GetPreferencesHandler implements IQueryHandler<GetPreferencesQuery> {
  constructor(private readonly preferences: PreferencesRepository) {}

  async execute({ user }: GetPreferencesQuery): Promise<PreferencesView> {
    return toPreferencesView(user.cityId ? await this.preferences.find(user.cityId) : null);
  }
}
