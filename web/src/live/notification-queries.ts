import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { useSession } from '../auth/useSession';

/** Every query of the inbox starts with this key, so one invalidation refreshes them all. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useUnreadCount() {
  const signedIn = !!useSession();
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread-count'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    select: (view) => view.count,
    enabled: signedIn,
  });
}

export function useUnreadNotifications(limit = 20) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', { unread: true, limit }],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { unread: true, limit, page: 1 } } })),
  });
}
