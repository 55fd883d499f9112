import type { QueryBus } from '@nestjs/cqrs';
import { InvalidInputError } from '@app/domain';
import { CityExistsQuery } from '../../cities/contracts';

/** A city an admin names in a body must be a registered city (400 naming the field otherwise). */
export async function ensureCityExists(queries: QueryBus, field: string, cityId: string): Promise<void> {
  if (!(await queries.execute(new CityExistsQuery(cityId)))) {
    throw new InvalidInputError(field, `${field}: city ${cityId} does not exist`);
  }
}
