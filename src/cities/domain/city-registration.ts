import { InvalidInputError } from '@app/domain';
import type { CreativeField, Region } from '../../shared/reference-data';
import * as v from './city-values';

/** What registering a city takes (POST /cities, a CSV row, a seed); values are checked, not trusted. */
export interface CityRegistration {
  name: unknown;
  country: unknown;
  region: unknown;
  field: unknown;
  designationYear: unknown;
  location?: unknown;
  languages?: unknown;
  description?: unknown;
  website?: unknown;
}

/** The checked, normalized values of a registration. */
export interface CityValues {
  name: string;
  country: string;
  region: Region;
  field: CreativeField;
  designationYear: number;
  location: v.GeoPoint | null;
  languages: string[];
  description: string | null;
  website: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type CheckedRegistration = { ok: true; values: CityValues } | { ok: false; problems: FieldProblem[] };

/**
 * Checks every field and reports every problem (an import report lists them all), where a single
 * command would stop at the first.
 */
export function checkRegistration(input: CityRegistration, today: Date = new Date()): CheckedRegistration {
  const problems: FieldProblem[] = [];
  const check = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      problems.push({ field: error.field, message: error.message });
      return undefined as T;
    }
  };
  const values: CityValues = {
    name: check(() => v.cityName(input.name)),
    country: check(() => v.countryCode(input.country)),
    region: check(() => v.region(input.region)),
    field: check(() => v.creativeField(input.field)),
    designationYear: check(() => v.designationYear(input.designationYear, today)),
    location: check(() => v.location(input.location)),
    languages: check(() => v.languages(input.languages)),
    description: check(() => v.description(input.description)),
    website: check(() => v.website(input.website)),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

/** The key that must be unique: the folded name within a country. */
export function cityKey(values: { name: string; country: string }): string {
  return `${values.country}:${v.searchNameOf(values.name)}`;
}
