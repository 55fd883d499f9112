import { useInfiniteQuery, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { NOTIFICATIONS_KEY } from '../../live/notification-queries';
import { countAfterReading, isUnreadInInbox, markAllReadInInbox, markReadInInbox, nextInboxPage, type InboxData } from './inbox-cache';

const LIMIT = 20;
/** The bell's query (web/src/live/notification-queries.ts): updated here at once, then read again with the rest. */
const UNREAD_COUNT_KEY = [...NOTIFICATIONS_KEY, 'unread-count'] as const;
const INBOX_KEY = [...NOTIFICATIONS_KEY, 'inbox'] as const;

/**
 * The inbox, newest first, a page at a time ("Show older"). Its key starts with NOTIFICATIONS_KEY,
 * so the live connection's invalidation on each `notification` brings a new item in without a reload.
 */
export function useInbox(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...INBOX_KEY, { unread: unreadOnly }],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/notifications', { params: { query: { page: pageParam, limit: LIMIT, ...(unreadOnly ? { unread: true } : {}) } } })),
    initialPageParam: 1,
    getNextPageParam: nextInboxPage,
  });
}

type Snapshot = [readonly unknown[], unknown][];

/** Applies `change` to every cached inbox list and the bell's count; returns what to restore if the API refuses. */
async function optimistically(client: QueryClient, change: (data: InboxData | undefined) => InboxData | undefined, read: number): Promise<Snapshot> {
  await client.cancelQueries({ queryKey: NOTIFICATIONS_KEY });
  const snapshot: Snapshot = [...client.getQueriesData({ queryKey: INBOX_KEY }), [UNREAD_COUNT_KEY, client.getQueryData(UNREAD_COUNT_KEY)]];
  client.setQueriesData<InboxData>({ queryKey: INBOX_KEY }, change);
  if (read > 0) client.setQueryData<{ count: number }>(UNREAD_COUNT_KEY, (view) => countAfterReading(view, read));
  return snapshot;
}

function restore(client: QueryClient, snapshot: Snapshot | undefined) {
  snapshot?.forEach(([key, data]) => client.setQueryData(key, data));
}

/** Mark one item read: the item and the bell change at once; every inbox query (Home's too) is read again after. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onMutate: (id) => {
      const unread = client.getQueriesData<InboxData>({ queryKey: INBOX_KEY }).some(([, data]) => isUnreadInInbox(data, id));
      return optimistically(client, (data) => markReadInInbox(data, id, new Date().toISOString()), unread ? 1 : 0);
    },
    onError: (_error, _id, snapshot) => restore(client, snapshot),
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

/** Mark every item read (the bell goes to 0 at once). */
export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onMutate: () => {
      const count = client.getQueryData<{ count: number }>(UNREAD_COUNT_KEY)?.count ?? 0;
      return optimistically(client, (data) => markAllReadInInbox(data, new Date().toISOString()), count);
    },
    onError: (_error, _vars, snapshot) => restore(client, snapshot),
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
