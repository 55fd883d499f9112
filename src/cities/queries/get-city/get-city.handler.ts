import { NotFoundError } from '@app/domain';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { toCityView, type CityView } from './city.view';
import { CityReader } from '../../persistence/city.reader';
import { GetCityQuery } from './get-city.query';

@QueryHandler(GetCityQuery)
export class GetCityHandler implements IQueryHandler<GetCityQuery> {
  constructor(private readonly cities: CityReader) {}

  async execute({ cityId }: GetCityQuery): Promise<CityView> {
    const city = await this.cities.findById(cityId);
    if (!city) throw new NotFoundError('city', cityId);
    return toCityView(city);
  }
}
