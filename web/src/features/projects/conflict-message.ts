import type { Problem } from '../../api/problem';
import type { PartnerAction, ProjectAction } from './project-rights';

const BY_CODE: Record<string, string> = {
  'project.finished': 'finished',
  'project.partner-already-invited': 'alreadyInvited',
  'project.partner-already-requested': 'alreadyRequested',
  'project.partner-already-accepted': 'alreadyPartner',
  'project.no-invitation': 'answered',
  'project.no-join-request': 'requestAnswered',
  'project.not-a-partner': 'notPartner',
  'project.not-proposed': 'notProposed',
  'project.no-accepted-partner': 'noPartner',
  'project.not-active': 'notActive',
};

const BY_ACTION: Partial<Record<ProjectAction | PartnerAction | 'invite', string>> = {
  accept: 'answered',
  decline: 'answered',
  approve: 'requestAnswered',
  reject: 'requestAnswered',
  withdraw: 'notPartner',
};

/**
 * The key (under `conflict.`) of the plain sentence for a 409: someone acted meanwhile. The API's
 * rule code says what happened ("Llíria has already answered"); without one, the action tells.
 * The sentence names cities by name ({{city}}), never by id as the API's detail does.
 */
export function conflictKey(action: ProjectAction | PartnerAction | 'invite', problem: Problem | null): string {
  const code = (problem as (Problem & { code?: string }) | null)?.code;
  return (code && BY_CODE[code]) || BY_ACTION[action] || 'changed';
}
