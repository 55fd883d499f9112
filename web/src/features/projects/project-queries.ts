import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { ProjectFilters } from './list-filters';
import { listQuery } from './list-filters';

/** Every query of this feature starts with this key (one invalidation refreshes the section). */
export const PROJECTS_KEY = ['projects'] as const;
export const projectKey = (id: string) => [...PROJECTS_KEY, 'item', id] as const;
export const updatesKey = (id: string) => [...PROJECTS_KEY, 'updates', id] as const;
export const suggestionsKey = (id: string) => [...PROJECTS_KEY, 'suggestions', id] as const;

export function useProjectList(filters: ProjectFilters) {
  return useQuery({
    queryKey: [...PROJECTS_KEY, 'list', filters],
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query: listQuery(filters) } })),
    placeholderData: (previous) => previous, // paging keeps the list on screen while the next page loads
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })),
  });
}

export function useSuggestions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: suggestionsKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/projects/{id}/partner-suggestions', { params: { path: { id }, query: { limit: 10 } } })),
    enabled,
  });
}

export function useUpdates(id: string, limit: number) {
  return useQuery({
    queryKey: [...updatesKey(id), limit],
    queryFn: () => unwrap(api.GET('/api/v1/projects/{id}/updates', { params: { path: { id }, query: { page: 1, limit } } })),
    placeholderData: (previous) => previous,
  });
}

const CITY_PAGE = 100;

/**
 * Every city of the network, for names and the city filter (a project names its cities by id).
 * Read once per visit, page by page: the network has a few hundred cities.
 */
export function useCities({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['cities', 'all-for-projects'],
    queryFn: async () => {
      const first = await unwrap(api.GET('/api/v1/cities', { params: { query: { page: 1, limit: CITY_PAGE } } }));
      const items = [...first.items];
      for (let page = 2; items.length < first.total && page <= 20; page++) {
        const next = await unwrap(api.GET('/api/v1/cities', { params: { query: { page, limit: CITY_PAGE } } }));
        if (next.items.length === 0) break;
        items.push(...next.items);
      }
      return items.sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** A city's name by id (its id while the directory loads, so nothing is blank). */
export function useCityName(): (id: string) => string {
  const cities = useCities().data;
  return useCallback((id: string) => cities?.find((c) => c.id === id)?.name ?? id, [cities]);
}
