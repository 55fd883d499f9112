import type { components } from '../../api/schema';

export type WebhookEvent = components['schemas']['CreateWebhookDto']['events'][number];
export type CreateWebhookBody = components['schemas']['CreateWebhookDto'];

/** What a city is told (SPEC §4), by group: a city's webhook may subscribe to these. */
export const CITY_EVENTS: { group: 'projects' | 'practices' | 'exchanges'; types: WebhookEvent[] }[] = [
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

/** The network's webhooks (admins) may take every event, the ones no city is told of too. */
export const NETWORK_EVENTS: { group: 'projects' | 'practices' | 'exchanges'; types: WebhookEvent[] }[] = [
  { group: 'projects', types: ['ProjectProposed', 'ProjectUpdated', ...CITY_EVENTS[0].types] },
  {
    group: 'practices',
    types: [
      'PracticeShared',
      'PracticeUpdated',
      'PracticeEndorsed',
      'PracticeEndorsementWithdrawn',
      'PracticeCommented',
      'PracticeReported',
      'PracticeHidden',
      'PracticeUnhidden',
      'CommentReported',
      'CommentHidden',
      'CommentUnhidden',
    ],
  },
  CITY_EVENTS[2],
];

export interface WebhookDraft {
  url: string;
  description: string;
  events: WebhookEvent[];
}
export const WEBHOOK_FIELDS = ['url', 'events', 'description'] as const;
export type WebhookField = (typeof WEBHOOK_FIELDS)[number];

/** What the browser can say before sending: an absolute http(s) address and at least one event (the API judges the rest: public targets only). */
export function webhookIssues(draft: WebhookDraft): Partial<Record<WebhookField, 'missingUrl' | 'badUrl' | 'noEvents'>> {
  const issues: Partial<Record<WebhookField, 'missingUrl' | 'badUrl' | 'noEvents'>> = {};
  const url = draft.url.trim();
  if (!url) issues.url = 'missingUrl';
  else if (!isHttpUrl(url)) issues.url = 'badUrl';
  if (draft.events.length === 0) issues.events = 'noEvents';
  return issues;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const webhookBodyOf = (draft: WebhookDraft): CreateWebhookBody => ({
  url: draft.url.trim(),
  events: draft.events,
  ...(draft.description.trim() && { description: draft.description.trim() }),
});

/** Ticks or unticks one event, keeping the order of the lists. */
export function toggleEvent(events: WebhookEvent[], type: WebhookEvent, on: boolean, order: WebhookEvent[]): WebhookEvent[] {
  const set = new Set(events);
  if (on) set.add(type);
  else set.delete(type);
  return order.filter((t) => set.has(t));
}
