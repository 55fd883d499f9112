import { describe, expect, it } from 'vitest';
import {
  countAfterReading,
  isUnreadInInbox,
  markAllReadInInbox,
  markReadInInbox,
  nextInboxPage,
  type InboxData,
  type Notification,
} from './inbox-cache';

const item = (id: string, readAt: string | null = null): Notification => ({
  id,
  type: 'PartnerInvited',
  title: `Title ${id}`,
  body: 'Body',
  link: { kind: 'project', id: 'p1' },
  eventId: `e-${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  readAt,
  version: 1,
});
const inbox = (...pages: Notification[][]): InboxData => ({
  pages: pages.map((items, i) => ({ items, page: i + 1, limit: 2, total: 3 })),
  pageParams: pages.map((_, i) => i + 1),
});
const NOW = '2026-02-01T10:00:00.000Z';

describe('inbox cache: optimistic mark read and read all', () => {
  it('marks one unread item read, in whichever page it is, and leaves the others', () => {
    const before = inbox([item('a'), item('b', '2026-01-02T00:00:00.000Z')], [item('c')]);
    const after = markReadInInbox(before, 'c', NOW)!;
    expect(after.pages[1].items[0].readAt).toBe(NOW);
    expect(after.pages[0].items.map((i) => i.readAt)).toEqual([null, '2026-01-02T00:00:00.000Z']);
    expect(isUnreadInInbox(before, 'c')).toBe(true);
    expect(isUnreadInInbox(after, 'c')).toBe(false);
    expect(isUnreadInInbox(before, 'b')).toBe(false);
  });

  it('keeps the first readAt of an item already read, and marks every item on read all', () => {
    const before = inbox([item('a', '2026-01-02T00:00:00.000Z'), item('b')]);
    expect(markReadInInbox(before, 'a', NOW)!.pages[0].items[0].readAt).toBe('2026-01-02T00:00:00.000Z');
    const all = markAllReadInInbox(before, NOW)!;
    expect(all.pages[0].items.map((i) => i.readAt)).toEqual(['2026-01-02T00:00:00.000Z', NOW]);
    expect(markReadInInbox(undefined, 'a', NOW)).toBeUndefined();
  });

  it('lowers the bell count by what was read, never below zero', () => {
    expect(countAfterReading({ count: 3 }, 1)).toEqual({ count: 2 });
    expect(countAfterReading({ count: 0 }, 1)).toEqual({ count: 0 });
    expect(countAfterReading(undefined, 1)).toBeUndefined();
  });

  it('asks for the next page until every item is loaded', () => {
    const data = inbox([item('a'), item('b')]);
    expect(nextInboxPage(data.pages[0], data.pages)).toBe(2);
    const full = inbox([item('a'), item('b')], [item('c')]);
    expect(nextInboxPage(full.pages[1], full.pages)).toBeUndefined();
  });
});
