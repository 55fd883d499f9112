import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from './client';
import { unwrap } from './problem';
import type { components } from './schema';

export type City = components['schemas']['CityView'];

/** The API's largest page. */
const PAGE = 100;
/** City names barely change: read once per visit or so. */
const STALE_MS = 10 * 60_000;

/** The keys every feature shares, so a city is fetched once: the cities feature uses the same ones. */
export const cityKey = (id: string) => ['cities', 'one', id] as const;
export const ALL_CITIES_KEY = ['cities', 'directory', {}] as const;

export async function readAllCities(): Promise<City[]> {
  const items: City[] = [];
  for (let page = 1; ; page++) {
    const result = await unwrap(api.GET('/api/v1/cities', { params: { query: { page, limit: PAGE } } }));
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/** Every city of the network (a few hundred), in the API's order: for selects and for naming many cities. */
export function useAllCities({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ALL_CITIES_KEY, queryFn: readAllCities, staleTime: STALE_MS, enabled });
}

/** One city (its profile), cached under the key the city page uses too. */
export function useCity(id: string | null | undefined) {
  return useQuery({
    queryKey: cityKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: STALE_MS,
  });
}

/** A city's name by id (undefined while it loads): items carry only city ids. */
export function useCityName(id: string | null | undefined): string | undefined {
  return useCity(id).data?.name;
}

/** For lists naming many cities: a lookup over every city (the id itself until they load, so nothing is blank). */
export function useCityNames(): (id: string) => string {
  const cities = useAllCities().data;
  return useCallback((id: string) => cities?.find((c) => c.id === id)?.name ?? id, [cities]);
}
