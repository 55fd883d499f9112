import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Page } from '../../../shared/pagination';
import { toCityView, type CityView } from '../get-city/city.view';
import { CityReader } from '../../persistence/city.reader';
import { ListCitiesQuery } from './list-cities.query';

@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery> {
  constructor(private readonly cities: CityReader) {}

  async execute({ filter, page }: ListCitiesQuery): Promise<Page<CityView>> {
    const found = await this.cities.list(filter, page);
    return { ...found, items: found.items.map(toCityView) };
  }
}
