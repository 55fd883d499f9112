import { SEED_CITIES } from '../../shared/seed-cities';
import type { ImportSource } from '../commands/import-cities/import-report';

/** The 11 seed cities as an import source (line = position in the list, from 1). */
export function seedSource(): ImportSource {
  const rows = SEED_CITIES.map((city, index) => ({
    line: index + 1,
    input: { ...city, location: { ...city.location }, languages: [...city.languages] },
  }));
  return { rows, problems: [], fatal: false };
}
