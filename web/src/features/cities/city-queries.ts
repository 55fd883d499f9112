import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useFormat } from '../../i18n/format';
import { filtersToQuery, type DirectoryFilters } from './filters';

export type City = components['schemas']['CityView'];
export type Collaboration = components['schemas']['CollaborationView'];
type MetaLanguage = components['schemas']['MetaView']['lang'];

/** The API's largest page: the directory and the map show every matching city, so pages are read to the end. */
const PAGE = 100;

export async function readAllPages<T>(read: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await read(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/** The cities matching the filters, every page (the list and the map show the same answer). */
export function useDirectory(filters: DirectoryFilters) {
  const query = filtersToQuery(filters);
  return useQuery({
    queryKey: ['cities', 'directory', query],
    queryFn: () => readAllPages((page) => unwrap(api.GET('/api/v1/cities', { params: { query: { ...query, page, limit: PAGE } } }))),
    placeholderData: keepPreviousData, // the previous answer stays while a new filter loads (no flash of empty list)
  });
}

/** Every city of the network, unfiltered: the country choices and the collaborators' locations. */
export function useAllCities() {
  return useQuery({
    queryKey: ['cities', 'directory', {}],
    queryFn: () => readAllPages((page) => unwrap(api.GET('/api/v1/cities', { params: { query: { page, limit: PAGE } } }))),
    staleTime: 5 * 60_000,
  });
}

export function useCity(id: string) {
  return useQuery({ queryKey: ['cities', 'one', id], queryFn: () => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id } } })) });
}

export function useCollaborations(id: string) {
  return useQuery({
    queryKey: ['cities', 'collaborations', id],
    queryFn: () =>
      readAllPages((page) => unwrap(api.GET('/api/v1/cities/{id}/collaborations', { params: { path: { id }, query: { page, limit: PAGE } } }))),
  });
}

export function useCityProjects(cityId: string) {
  return useQuery({
    queryKey: ['projects', 'list', { cityId, limit: 50 }],
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query: { cityId, limit: 50, page: 1 } } })),
  });
}

export function useCityPractices(cityId: string) {
  return useQuery({
    queryKey: ['practices', 'list', { cityId, limit: 50 }],
    queryFn: () => unwrap(api.GET('/api/v1/practices', { params: { query: { cityId, limit: 50, page: 1 } } })),
  });
}

/** Region and country names in the chosen language, from GET /meta (the API's reference data). */
export function useMeta() {
  const { language } = useFormat();
  const lang: MetaLanguage = language === 'es' || language === 'fr' ? language : 'en';
  const meta = useQuery({
    queryKey: ['meta', lang],
    queryFn: () => unwrap(api.GET('/api/v1/meta', { params: { query: { lang } } })),
    staleTime: Infinity,
  });
  const regions = new Map(meta.data?.regions.map((r) => [r.id as string, r.label]));
  const countries = new Map(meta.data?.countries.map((c) => [c.id, c.label]));
  return {
    meta,
    regionName: (id: string) => regions.get(id) ?? id,
    countryName: (code: string) => countries.get(code) ?? code,
  };
}
