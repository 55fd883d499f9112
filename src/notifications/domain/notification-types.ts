/**
 * The event types that notify a city (SPEC §4's table): what a city may mute. Practice and exchange
 * types are listed now so preferences can name them before their modules publish them.
 */
export const PROJECT_NOTIFIED_TYPES = [
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
] as const;

export const PRACTICE_NOTIFIED_TYPES = ['PracticeShared', 'PracticeEndorsed', 'PracticeCommented'] as const;
export const EXCHANGE_NOTIFIED_TYPES = ['ExchangeRequested', 'ExchangeAccepted', 'ExchangeDeclined', 'ExchangeCompleted'] as const;

export const NOTIFIED_TYPES = [...PROJECT_NOTIFIED_TYPES, ...PRACTICE_NOTIFIED_TYPES, ...EXCHANGE_NOTIFIED_TYPES] as const;
export type NotifiedType = (typeof NOTIFIED_TYPES)[number];

export const EMAIL_FREQUENCIES = ['off', 'instant', 'daily', 'weekly'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
/** A city that never chose is told by e-mail at once: partnership requests wait for an answer. */
export const DEFAULT_EMAIL_FREQUENCY: EmailFrequency = 'instant';

export function isNotifiedType(type: string): type is NotifiedType {
  return (NOTIFIED_TYPES as readonly string[]).includes(type);
}
