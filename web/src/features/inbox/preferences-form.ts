import type { components } from '../../api/schema';

export type Preferences = components['schemas']['PreferencesView'];
export type EmailCadence = Preferences['email'];
export type NotificationType = Preferences['mutedTypes'][number];

export const EMAIL_CADENCES: readonly EmailCadence[] = ['off', 'instant', 'daily', 'weekly'];

/** Every type the API lets a city mute, grouped by what it is about (the order the form shows). */
export const TYPE_GROUPS: { group: 'projects' | 'practices' | 'exchanges'; types: NotificationType[] }[] = [
  {
    group: 'projects',
    types: [
      'PartnerInvited',
      'InvitationAccepted',
      'InvitationDeclined',
      'JoinRequested',
      'JoinRequestApproved',
      'JoinRequestRejected',
      'PartnerWithdrew',
      'ProjectUpdatePosted',
      'ProjectStarted',
      'ProjectCompleted',
      'ProjectCancelled',
    ],
  },
  { group: 'practices', types: ['PracticeShared', 'PracticeEndorsed', 'PracticeCommented', 'PracticeHidden', 'CommentHidden'] },
  { group: 'exchanges', types: ['ExchangeRequested', 'ExchangeAccepted', 'ExchangeDeclined', 'ExchangeCancelled', 'ExchangeCompleted'] },
];
const ORDER = TYPE_GROUPS.flatMap((g) => g.types);

/** What the form edits: the cadence and the muted types (the form shows "receive", i.e. not muted). */
export interface PreferencesDraft {
  email: EmailCadence;
  muted: NotificationType[];
}

export const draftOf = (saved: Preferences): PreferencesDraft => ({ email: saved.email, muted: sortTypes(saved.mutedTypes) });

/** Receive (unmute) or stop receiving (mute) a type; the list stays in form order without repeats. */
export function setReceived(draft: PreferencesDraft, type: NotificationType, received: boolean): PreferencesDraft {
  const muted = new Set(draft.muted);
  if (received) muted.delete(type);
  else muted.add(type);
  return { ...draft, muted: sortTypes([...muted]) };
}

/** Receive or stop every type of a group at once. */
export function setGroupReceived(draft: PreferencesDraft, types: NotificationType[], received: boolean): PreferencesDraft {
  return types.reduce((d, type) => setReceived(d, type, received), draft);
}

export function isChanged(saved: Preferences, draft: PreferencesDraft): boolean {
  const before = draftOf(saved);
  return before.email !== draft.email || before.muted.join() !== draft.muted.join();
}

/** The body of PUT /notifications/preferences: the version read, so another save in between is a 409, not lost. */
export const saveBody = (saved: Preferences, draft: PreferencesDraft) => ({ email: draft.email, mutedTypes: draft.muted, version: saved.version });

function sortTypes(types: NotificationType[]): NotificationType[] {
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b));
}
const rank = (type: NotificationType) => {
  const i = ORDER.indexOf(type);
  return i === -1 ? ORDER.length : i;
};
