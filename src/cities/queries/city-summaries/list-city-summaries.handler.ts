import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ListCitySummariesQuery, type CitySummary } from '../../contracts';
import { toCitySummary } from '../get-city/city.view';
import { CityReader } from '../../persistence/city.reader';

/** Every city, or the given ones (unknown ids skipped), sorted by name. */
@QueryHandler(ListCitySummariesQuery)
export class ListCitySummariesHandler implements IQueryHandler<ListCitySummariesQuery> {
  constructor(private readonly cities: CityReader) {}

  async execute({ ids }: ListCitySummariesQuery): Promise<CitySummary[]> {
    return (await this.cities.findMany(ids)).map(toCitySummary);
  }
}
