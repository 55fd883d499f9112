import type { InfiniteData } from '@tanstack/react-query';
import type { components } from '../../api/schema';

export type Notification = components['schemas']['NotificationView'];
export type NotificationPage = components['schemas']['NotificationViewPage'];
export type InboxData = InfiniteData<NotificationPage, number>;

/**
 * What "mark read" changes in the cached inbox before the API answers (an optimistic update, safe:
 * reading is idempotent and the inbox is read again after). Unknown or already read: unchanged.
 */
export function markReadInInbox(data: InboxData | undefined, id: string, readAt: string): InboxData | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === id && !item.readAt ? { ...item, readAt } : item)),
    })),
  };
}

/** "Read all" before the API answers: every cached item read. */
export function markAllReadInInbox(data: InboxData | undefined, readAt: string): InboxData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.readAt ? item : { ...item, readAt })) })) };
}

/** Whether the cached inbox holds this item unread (only then does the bell's count go down by one). */
export function isUnreadInInbox(data: InboxData | undefined, id: string): boolean {
  return !!data?.pages.some((page) => page.items.some((item) => item.id === id && !item.readAt));
}

/** The bell's cached count after `read` items were read (never below zero). */
export const countAfterReading = (view: { count: number } | undefined, read: number) =>
  view ? { ...view, count: Math.max(0, view.count - read) } : view;

/** The next page to ask for, or undefined when every item is loaded. */
export function nextInboxPage(last: NotificationPage, pages: NotificationPage[]): number | undefined {
  const loaded = pages.reduce((n, page) => n + page.items.length, 0);
  return loaded < last.total && last.items.length > 0 ? last.page + 1 : undefined;
}
