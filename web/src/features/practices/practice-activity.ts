import type { WatchedEvent } from '../../live/contracts';
import type { Comment } from './practice-api';

export interface CommentItem {
  id: string;
  text: string;
  authorCityId: string | null;
  createdAt: string;
  hidden: boolean;
}

const dataOf = (e: WatchedEvent) => (e.data ?? {}) as Record<string, unknown>;

/**
 * Whether `cityId` endorses the practice now, from its events (the API's view of a practice does
 * not say who endorsed it): the city's last endorsement or withdrawal decides.
 */
export function endorsesNow(events: WatchedEvent[], cityId: string | null | undefined): boolean {
  if (!cityId) return false;
  let endorses = false;
  for (const e of events) {
    if (dataOf(e).cityId !== cityId) continue;
    if (e.type === 'PracticeEndorsed') endorses = true;
    else if (e.type === 'PracticeEndorsementWithdrawn') endorses = false;
  }
  return endorses;
}

/**
 * The comments to show: those read from the API (the first page, there even when the live
 * connection is not) merged with those the watch brings (the whole history, then each new one),
 * each once, oldest first. Hiding and unhiding events (sent only to whom they concern) set the
 * state; without one, the state read from the API holds.
 */
export function mergeComments(fetched: Comment[], events: WatchedEvent[]): CommentItem[] {
  const byId = new Map<string, CommentItem>();
  for (const c of fetched)
    byId.set(c.id, { id: c.id, text: c.text, authorCityId: c.authorCityId, createdAt: c.createdAt, hidden: c.status === 'hidden' });
  for (const e of events) {
    const d = dataOf(e);
    const id = typeof d.commentId === 'string' ? d.commentId : null;
    if (!id) continue;
    if (e.type === 'PracticeCommented' && !byId.has(id))
      byId.set(id, {
        id,
        text: String(d.text ?? ''),
        authorCityId: (d.commentAuthorCityId as string | null) ?? null,
        createdAt: e.at,
        hidden: false,
      });
    const known = byId.get(id);
    if (known && e.type === 'CommentHidden') known.hidden = true;
    if (known && e.type === 'CommentUnhidden') known.hidden = false;
  }
  return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Events after which the practice itself (counts, text, status) should be read again. */
export const CHANGES_PRACTICE = new Set([
  'PracticeUpdated',
  'PracticeEndorsed',
  'PracticeEndorsementWithdrawn',
  'PracticeCommented',
  'PracticeHidden',
  'PracticeUnhidden',
  'CommentHidden',
  'CommentUnhidden',
]);
