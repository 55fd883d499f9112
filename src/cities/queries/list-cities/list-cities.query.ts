import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { CityView } from '../get-city/city.view';
import type { CityFilter } from '../../persistence/city.reader';

/** GET /cities?field=&region=&country=&q= : sorted by name. */
export class ListCitiesQuery extends Query<Page<CityView>> {
  constructor(
    readonly filter: CityFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}
