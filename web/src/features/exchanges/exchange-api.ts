import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/problem';
import type { operations } from '../../api/schema';

export type ExchangeQuery = NonNullable<operations['ExchangesController_list']['parameters']['query']>;

/** Every query of this feature starts with this key (the practice page invalidates it after a request). */
export const EXCHANGES_KEY = ['exchanges'] as const;
export const exchangeKey = (id: string) => [...EXCHANGES_KEY, 'item', id] as const;

export function useExchangeList(query: ExchangeQuery) {
  return useQuery({
    queryKey: [...EXCHANGES_KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/exchanges', { params: { query } })),
    placeholderData: (previous) => previous,
  });
}

export const fetchExchange = (id: string) => unwrap(api.GET('/api/v1/exchanges/{id}', { params: { path: { id } } }));

export function useExchange(id: string | undefined) {
  return useQuery({ queryKey: exchangeKey(id ?? ''), queryFn: () => fetchExchange(id!), enabled: !!id });
}

/** A city's name (cached per city: exchanges carry only ids). */
export function useCityName(id: string | null | undefined) {
  return useQuery({
    queryKey: [...EXCHANGES_KEY, 'city', id ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    staleTime: 10 * 60_000,
  }).data?.name;
}

export const problemCode = (error: unknown): string | undefined =>
  error instanceof ApiError ? (error.problem as { code?: string } | null)?.code : undefined;
