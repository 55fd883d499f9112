import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { GetCitySummaryQuery, type CitySummary } from '../../contracts';
import { toCitySummary } from '../get-city/city.view';
import { CityReader } from '../../persistence/city.reader';

/** A city as other modules see it, or null (they decide whether that is a 404 or a 400). */
@QueryHandler(GetCitySummaryQuery)
export class GetCitySummaryHandler implements IQueryHandler<GetCitySummaryQuery> {
  constructor(private readonly cities: CityReader) {}

  async execute({ cityId }: GetCitySummaryQuery): Promise<CitySummary | null> {
    const city = await this.cities.findById(cityId);
    return city ? toCitySummary(city) : null;
  }
}
