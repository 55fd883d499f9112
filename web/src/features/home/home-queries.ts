import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { NOTIFICATIONS_KEY } from '../../live/notification-queries';
import { useNotificationsAbout } from '../../live/useNotificationsAbout';

/*
 * Keys follow the features' own (['projects', 'list', query], ['exchanges', 'list', query]…), so
 * an action on a project or exchange page refreshes home too, and home's answers refresh them.
 */
export const homeProjectsKey = (cityId: string) => ['projects', 'list', { cityId, limit: 100, page: 1 }] as const;
export const HOST_REQUESTS_KEY = ['exchanges', 'list', { role: 'host', status: 'requested', limit: 50, page: 1 }] as const;

/** Every project the city leads or is a partner of (invited, requested, accepted): answers and "Your projects". */
export function useHomeProjects(cityId: string) {
  return useQuery({
    queryKey: homeProjectsKey(cityId),
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query: { cityId, limit: 100, page: 1 } } })),
  });
}

/** Exchange requests on the city's practices still waiting for it. */
export function useHostRequests() {
  return useQuery({
    queryKey: HOST_REQUESTS_KEY,
    queryFn: () => unwrap(api.GET('/api/v1/exchanges', { params: { query: { role: 'host', status: 'requested', limit: 50, page: 1 } } })),
  });
}

/** The latest practices of the city's creative field (its own are left out by the caller). */
export function useFieldPractices(field: string | undefined) {
  const query = { field: field as 'music', sort: 'recent' as const, limit: 8, page: 1 };
  return useQuery({
    queryKey: ['practices', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/practices', { params: { query } })),
    enabled: !!field,
    staleTime: 0, // "new": read again each time home opens
  });
}

/** The city's latest notifications, read or not: LiveProvider refreshes every inbox query as one arrives. */
export function useRecentActivity(limit = 10) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', { limit, page: 1 }],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit, page: 1 } } })),
  });
}

/** A notification about a project or an exchange may be a new invitation, request or answer: read them again. */
export function useLiveAnswers() {
  const queryClient = useQueryClient();
  useNotificationsAbout('project', () => void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] }));
  useNotificationsAbout('exchange', () => void queryClient.invalidateQueries({ queryKey: ['exchanges', 'list'] }));
  useNotificationsAbout('practice', () => void queryClient.invalidateQueries({ queryKey: ['practices', 'list'] }));
}
