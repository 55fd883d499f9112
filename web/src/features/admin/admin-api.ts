import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap, type Problem } from '../../api/problem';
import type { components, operations } from '../../api/schema';

export type City = components['schemas']['CityView'];
export type Report = components['schemas']['ReportView'];
export type DeadLetter = components['schemas']['DeadLetterView'];
export type AuditEntry = components['schemas']['AuditEntryView'];
export type AuditQuery = NonNullable<operations['AuditLogController_list']['parameters']['query']>;

/** Every query of this section starts with its resource; one invalidation per resource refreshes its lists. */
export const CITIES_KEY = ['cities'] as const;
export const REPORTS_KEY = ['reports'] as const;
export const DEAD_LETTERS_KEY = ['dead-letters'] as const;
export const AUDIT_KEY = ['audit-log'] as const;
export const PAGE_SIZE = 20;

/** Every city, by name (the city lists of the admin pages); read in pages of 100. */
export function useAllCities() {
  return useQuery({
    queryKey: [...CITIES_KEY, 'admin', 'all'],
    queryFn: async () => {
      const all: City[] = [];
      for (let page = 1; page <= 50; page++) {
        const result = await unwrap(api.GET('/api/v1/cities', { params: { query: { page, limit: 100 } } }));
        all.push(...result.items);
        if (all.length >= result.total || result.items.length === 0) break;
      }
      return all.sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

export function useCity(id: string | undefined) {
  return useQuery({
    queryKey: [...CITIES_KEY, 'item', id ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/cities/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useReports(status: 'open' | 'resolved', page: number) {
  return useQuery({
    queryKey: [...REPORTS_KEY, status, page],
    queryFn: () => unwrap(api.GET('/api/v1/reports', { params: { query: { status, page, limit: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });
}

export function useDeadLetters(status: DeadLetter['status'] | undefined, page: number) {
  return useQuery({
    queryKey: [...DEAD_LETTERS_KEY, status ?? 'all', page],
    queryFn: () => unwrap(api.GET('/api/v1/admin/dead-letters', { params: { query: { status, page, limit: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });
}

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: [...AUDIT_KEY, query],
    queryFn: () => unwrap(api.GET('/api/v1/admin/audit-log', { params: { query: { ...query, limit: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
  });
}

/** The domain rule a refusal names (`city.duplicate`…), when the API sent one; the problem `type` ends with it too. */
export function problemCode(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.problem as (Problem & { code?: string }) | null;
  return problem?.code ?? problem?.type?.split('/').pop();
}

/** What to show of a failed submission: the API's problem, else a plain "could not reach" message. */
export function problemOf(error: unknown, unreachable: string): Problem {
  if (error instanceof ApiError) return error.problem ?? { title: error.message, status: error.status };
  return { title: unreachable, status: 0 };
}

/** A client-side check's findings, shaped like the API's so the same summary shows them. */
export const localProblem = (entries: { field: string; message: string }[]): Problem => ({ title: '', status: 400, errors: entries });

export const pagesOf = (total: number, limit: number) => Math.max(1, Math.ceil(total / Math.max(1, limit)));
