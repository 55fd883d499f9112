import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PreferencesRepository } from '../../persistence/preferences.repository';
import { MutedTypesQuery } from './muted-types.query';

@QueryHandler(MutedTypesQuery)
export class MutedTypesHandler implements IQueryHandler<MutedTypesQuery> {
  constructor(private readonly preferences: PreferencesRepository) {}

  execute({ cityIds }: MutedTypesQuery): Promise<Map<string, Set<string>>> {
    return this.preferences.mutedTypesOf([...cityIds]);
  }
}
