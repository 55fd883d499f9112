import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CityExistsQuery } from '../../contracts';
import { CityReader } from '../../persistence/city.reader';

/** For other modules (auth: a city user needs an existing city; projects: invitations). */
@QueryHandler(CityExistsQuery)
export class CityExistsHandler implements IQueryHandler<CityExistsQuery> {
  constructor(private readonly cities: CityReader) {}

  execute({ cityId }: CityExistsQuery): Promise<boolean> {
    return this.cities.exists(cityId);
  }
}
