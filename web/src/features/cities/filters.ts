import { CREATIVE_FIELDS, type CreativeField } from '../../ui/FieldBadge';
import type { operations } from '../../api/schema';

export const REGIONS = ['africa', 'arab-states', 'asia-pacific', 'europe-north-america', 'latin-america-caribbean'] as const;
export type Region = (typeof REGIONS)[number];

/** The directory's filters, as the URL holds them (so a filtered view can be shared and survives a reload). */
export interface DirectoryFilters {
  field?: CreativeField;
  region?: Region;
  /** ISO 3166-1 alpha-2, upper-case */
  country?: string;
  /** Part of the name */
  q?: string;
}

type CitiesQuery = NonNullable<operations['CitiesController_list']['parameters']['query']>;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Reads the filters from the URL; a value the API would refuse (unknown field, bad country) is ignored, not sent. */
export function parseFilters(params: URLSearchParams): DirectoryFilters {
  const country = params.get('country')?.trim().toUpperCase();
  const q = params.get('q')?.trim();
  return {
    field: oneOf(CREATIVE_FIELDS, params.get('field')),
    region: oneOf(REGIONS, params.get('region')),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    q: q ? q.slice(0, 100) : undefined,
  };
}

/** The URL's search part for these filters: only those set, in a stable order. */
export function filtersToParams(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['field', 'region', 'country', 'q'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** The query of GET /cities for these filters (page and limit added by the caller). */
export function filtersToQuery(filters: DirectoryFilters): CitiesQuery {
  const query: CitiesQuery = {};
  if (filters.field) query.field = filters.field;
  if (filters.region) query.region = filters.region;
  if (filters.country) query.country = filters.country;
  if (filters.q?.trim()) query.q = filters.q.trim();
  return query;
}

export const hasFilters = (filters: DirectoryFilters) => Object.values(filters).some((v) => v !== undefined && v !== '');
