import type { QueryBus } from '@nestjs/cqrs';
import { CityExistsQuery } from '../../cities/contracts';
import { InvalidInputError } from '@app/domain';

/** A city named in a request body must be a registered city (400 naming the field otherwise). */
export async function ensureCityExists(queries: QueryBus, field: string, cityId: string): Promise<void> {
  if (!(await queries.execute(new CityExistsQuery(cityId)))) {
    throw new InvalidInputError(field, `${field}: city ${cityId} does not exist`);
  }
}
