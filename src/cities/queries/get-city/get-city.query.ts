import { Query } from '@nestjs/cqrs';
import type { CityView } from './city.view';

/** GET /cities/:id — 404 when there is no such city. */
export class GetCityQuery extends Query<CityView> {
  constructor(readonly cityId: string) {
    super();
  }
}
