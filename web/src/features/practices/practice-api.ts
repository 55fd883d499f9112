import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import type { components, operations } from '../../api/schema';

export type Practice = components['schemas']['PracticeView'];
export type PracticeQuery = NonNullable<operations['PracticesController_list']['parameters']['query']>;
export type Comment = components['schemas']['CommentView'];

/** Every query of this feature starts with this key, so one invalidation refreshes them all. */
export const PRACTICES_KEY = ['practices'] as const;
export const practiceKey = (id: string) => [...PRACTICES_KEY, 'item', id] as const;
export const commentsKey = (id: string) => [...PRACTICES_KEY, 'comments', id] as const;

export function usePractice(id: string | undefined) {
  return useQuery({
    queryKey: practiceKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/practices/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function usePracticeList(query: PracticeQuery) {
  return useQuery({
    queryKey: [...PRACTICES_KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/practices', { params: { query } })),
    placeholderData: (previous) => previous, // keep the last page on screen while the next loads
  });
}

/** SDG and action-area names in the chosen language (the API's own labels). */
export function useMeta() {
  const { i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'en') as 'en' | 'es' | 'fr';
  return useQuery({
    queryKey: [...PRACTICES_KEY, 'meta', lang],
    queryFn: () => unwrap(api.GET('/api/v1/meta', { params: { query: { lang } } })),
    staleTime: Infinity,
  });
}

/** Every city, by name (for the city filter and the admin's author choice); read in pages of 100. */
export function useAllCities() {
  return useQuery({
    queryKey: [...PRACTICES_KEY, 'cities'],
    queryFn: async () => {
      const all: components['schemas']['CityView'][] = [];
      for (let page = 1; page <= 20; page++) {
        const result = await unwrap(api.GET('/api/v1/cities', { params: { query: { page, limit: 100 } } }));
        all.push(...result.items);
        if (all.length >= result.total || result.items.length === 0) break;
      }
      return all.sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 10 * 60_000,
  });
}

/** A city's name (one cached read per city: practices and comments carry only its id). */
export function useCityName(id: string | null | undefined) {
  const query = useQuery({
    queryKey: [...PRACTICES_KEY, 'city', id ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 10 * 60_000,
  });
  return query.data?.name;
}

/** The domain rule a refusal names (`practice.already-endorsed`…), when the API sent one. */
export const problemCode = (error: unknown): string | undefined =>
  error instanceof ApiError ? (error.problem as { code?: string } | null)?.code : undefined;

/** "11. Sustainable Cities and Communities": the goal's number and its name in the chosen language. */
export function useSdgName() {
  const { t } = useTranslation('practices');
  const meta = useMeta();
  return (n: number) => {
    const label = meta.data?.sdgs.find((s) => s.id === n)?.label;
    return label ? t('sdgNamed', { n, label }) : t('sdg', { n });
  };
}
