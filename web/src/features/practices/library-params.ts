import type { PracticeQuery } from './practice-api';

export const PAGE_SIZE = 20;
export const FIELDS = ['crafts-folk-art', 'design', 'film', 'gastronomy', 'literature', 'media-arts', 'music'] as const;
export const LANGUAGES = ['en', 'es', 'fr'] as const;
export const SORTS = ['relevance', 'recent', 'endorsed'] as const;

/** The library's filters as they live in the address (so a search can be bookmarked and shared). */
export interface LibraryFilters {
  q: string;
  field: string;
  sdg: string;
  language: string;
  cityId: string;
  sort: string;
  page: number;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | '' => (allowed.includes(value as T) ? (value as T) : '');

/** Reads the filters from `?q=&field=…`, dropping values the API would refuse. */
export function filtersFrom(params: URLSearchParams): LibraryFilters {
  const sdg = Number(params.get('sdg'));
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').trim(),
    field: pick(params.get('field'), FIELDS),
    sdg: Number.isInteger(sdg) && sdg >= 1 && sdg <= 17 ? String(sdg) : '',
    language: pick(params.get('language'), LANGUAGES),
    cityId: (params.get('cityId') ?? '').trim(),
    sort: pick(params.get('sort'), SORTS),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address of these filters: empty ones and page 1 are left out. */
export function paramsOf(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'field', 'sdg', 'language', 'cityId', 'sort'] as const) if (filters[key]) params.set(key, filters[key]);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** GET /practices's query. "Best match" means nothing without words, so it falls back to the API's default. */
export function apiQueryOf(filters: LibraryFilters): PracticeQuery {
  const query: PracticeQuery = { page: filters.page, limit: PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.field) query.field = filters.field as PracticeQuery['field'];
  if (filters.sdg) query.sdg = Number(filters.sdg);
  if (filters.language) query.language = filters.language as PracticeQuery['language'];
  if (filters.cityId) query.cityId = filters.cityId;
  if (filters.sort && !(filters.sort === 'relevance' && !filters.q)) query.sort = filters.sort as PracticeQuery['sort'];
  return query;
}

export const hasFilters = (f: LibraryFilters) => !!(f.q || f.field || f.sdg || f.language || f.cityId);

/** How many pages `total` results fill (at least one, so "page 1 of 1" reads right). */
export const pageCount = (total: number, limit = PAGE_SIZE) => Math.max(1, Math.ceil(total / limit));
