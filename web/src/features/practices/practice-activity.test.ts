import { describe, expect, it } from 'vitest';
import type { WatchedEvent } from '../../live/contracts';
import type { Comment } from './practice-api';
import { endorsesNow, mergeComments } from './practice-activity';

let seq = 0;
const event = (type: string, data: Record<string, unknown>, at = '2026-01-01T10:00:00Z'): WatchedEvent => ({
  seq: ++seq,
  type,
  at,
  data,
  practiceId: 'p1',
});
const comment = (id: string, createdAt: string, status: Comment['status'] = 'published'): Comment => ({
  id,
  practiceId: 'p1',
  text: `text ${id}`,
  authorCityId: 'valencia',
  authorUserId: 'u1',
  createdAt,
  updatedAt: createdAt,
  status,
  hiddenAt: null,
  hiddenReason: null,
  version: 1,
});

describe('practice activity from its events', () => {
  it("knows whether the user's city endorses it now", () => {
    const events = [event('PracticeEndorsed', { cityId: 'valencia' }), event('PracticeEndorsed', { cityId: 'lliria' })];
    expect(endorsesNow(events, 'valencia')).toBe(true);
    expect(endorsesNow([...events, event('PracticeEndorsementWithdrawn', { cityId: 'valencia' })], 'valencia')).toBe(false);
    expect(endorsesNow(events, 'bilbao')).toBe(false);
    expect(endorsesNow(events, null)).toBe(false);
  });

  it('merges read and live comments once each, oldest first', () => {
    const fetched = [comment('c1', '2026-01-01T09:00:00Z')];
    const events = [
      event('PracticeCommented', { commentId: 'c1', text: 'text c1', commentAuthorCityId: 'valencia' }, '2026-01-01T09:00:00Z'),
      event('PracticeCommented', { commentId: 'c2', text: 'live one', commentAuthorCityId: null }, '2026-01-01T11:00:00Z'),
      event('PracticeEndorsed', { cityId: 'x' }),
    ];
    const merged = mergeComments(fetched, events);
    expect(merged.map((c) => [c.id, c.text, c.authorCityId])).toEqual([
      ['c1', 'text c1', 'valencia'],
      ['c2', 'live one', null],
    ]);
  });

  it('follows hiding and unhiding, else keeps the state read', () => {
    const fetched = [comment('c1', '2026-01-01T09:00:00Z', 'hidden'), comment('c2', '2026-01-01T09:30:00Z')];
    expect(mergeComments(fetched, []).map((c) => c.hidden)).toEqual([true, false]);
    const events = [event('CommentUnhidden', { commentId: 'c1' }), event('CommentHidden', { commentId: 'c2' })];
    expect(mergeComments(fetched, events).map((c) => c.hidden)).toEqual([false, true]);
  });
});
