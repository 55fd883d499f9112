import { isPrivileged, type PracticeViewer } from './practice-policy';

/** One entry of a practice's event log, as far as visibility goes. */
export interface TimelineEvent {
  type: string;
  data: unknown;
}

const REPORTS = new Set(['PracticeReported', 'CommentReported']);
const PRACTICE_MODERATION = new Set(['PracticeHidden', 'PracticeUnhidden']);
const COMMENT_EVENTS = new Set(['PracticeCommented', 'CommentHidden', 'CommentUnhidden']);

/**
 * Which events of a practice a viewer who may see the practice also sees in its timeline, by the
 * moderation rules: reports (who reported what) are for admins; hiding and unhiding a practice for
 * admins and its author city, which is told why; a hidden comment — its text, its hiding — for
 * admins and the comment's author city. Everything else is as public as the practice.
 *
 * `hiddenComments` maps each currently hidden comment of the practice to its author city.
 */
export function canSeeTimelineEvent(
  viewer: PracticeViewer,
  practice: { authorCityId: string },
  event: TimelineEvent,
  hiddenComments: ReadonlyMap<string, string | null>,
): boolean {
  if (isPrivileged(viewer)) return true;
  if (REPORTS.has(event.type)) return false;
  const ownCity = (cityId: string | null | undefined) => viewer.cityId !== null && viewer.cityId === cityId;
  if (PRACTICE_MODERATION.has(event.type)) return ownCity(practice.authorCityId);
  if (COMMENT_EVENTS.has(event.type)) {
    const { commentId, commentAuthorCityId } = event.data as { commentId: string; commentAuthorCityId: string | null };
    if (event.type !== 'PracticeCommented') return ownCity(commentAuthorCityId);
    return !hiddenComments.has(commentId) || ownCity(commentAuthorCityId);
  }
  return true;
}
