import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { Report } from './admin-api';

export type ModerationAction = 'hide' | 'unhide';

/** The moderation call for a report's target: practice or comment, hide (with the reason told to its author city) or publish again. */
export function moderate(report: Pick<Report, 'targetType' | 'targetId'>, action: ModerationAction, reason: string): Promise<unknown> {
  const params = { path: { id: report.targetId } };
  if (report.targetType === 'practice') {
    return action === 'hide'
      ? unwrap(api.POST('/api/v1/practices/{id}/hide', { params, body: { reason: reason.trim() } }))
      : unwrap(api.POST('/api/v1/practices/{id}/unhide', { params, body: {} }));
  }
  return action === 'hide'
    ? unwrap(api.POST('/api/v1/comments/{id}/hide', { params, body: { reason: reason.trim() } }))
    : unwrap(api.POST('/api/v1/comments/{id}/unhide', { params, body: {} }));
}

/** The locales key of an action on a target ("hide.practice", "unhide.comment"). */
export const actionKey = (action: ModerationAction, report: Pick<Report, 'targetType'>) => `${action}.${report.targetType}` as const;
