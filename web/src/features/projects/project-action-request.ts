import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { PartnerAction, Project, ProjectAction } from './project-rights';

export type AnyAction = ProjectAction | PartnerAction | 'invite';

export interface ActionInput {
  action: AnyAction;
  /** The partner city acted on (accept, decline, approve, reject, invite; an admin's withdraw). */
  cityId?: string;
  /** The text some actions carry: the outcome, the cancellation reason, a message. */
  text?: string;
}

/** Sends one action to the API; each answers with the project as it now is. */
export function sendAction(projectId: string, { action, cityId = '', text }: ActionInput): Promise<Project> {
  const id = { params: { path: { id: projectId } } };
  const partner = { params: { path: { id: projectId, cityId } }, body: {} };
  const message = text?.trim() ? text.trim() : undefined;
  switch (action) {
    case 'start':
      return unwrap(api.POST('/api/v1/projects/{id}/start', { ...id, body: {} }));
    case 'complete':
      return unwrap(api.POST('/api/v1/projects/{id}/complete', { ...id, body: { outcome: text?.trim() ?? '' } }));
    case 'cancel':
      return unwrap(api.POST('/api/v1/projects/{id}/cancel', { ...id, body: { reason: text?.trim() ?? '' } }));
    case 'askToJoin':
      return unwrap(api.POST('/api/v1/projects/{id}/join-requests', { ...id, body: message ? { message } : {} }));
    case 'withdraw':
      return unwrap(api.POST('/api/v1/projects/{id}/withdraw', { ...id, body: cityId ? { cityId } : {} }));
    case 'invite':
      return unwrap(api.POST('/api/v1/projects/{id}/invitations', { ...id, body: { cityId, ...(message ? { message } : {}) } }));
    case 'accept':
      return unwrap(api.POST('/api/v1/projects/{id}/invitations/{cityId}/accept', partner));
    case 'decline':
      return unwrap(api.POST('/api/v1/projects/{id}/invitations/{cityId}/decline', partner));
    case 'approve':
      return unwrap(api.POST('/api/v1/projects/{id}/join-requests/{cityId}/approve', partner));
    case 'reject':
      return unwrap(api.POST('/api/v1/projects/{id}/join-requests/{cityId}/reject', partner));
  }
}
