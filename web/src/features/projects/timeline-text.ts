import type { WatchedEvent } from '../../live/contracts';

export interface TimelineText {
  /** The key under `timeline.` (unknown types: `other`). */
  key: string;
  values: Record<string, string>;
}

const KNOWN = [
  'ProjectProposed',
  'ProjectUpdated',
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
];

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One event of the project (docs/events.md) as a sentence's key and values, cities by name. */
export function timelineText(event: WatchedEvent, cityName: (id: string) => string): TimelineText {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {
    lead: cityName(text(data.leadCityId)),
    city: cityName(text(data.cityId)),
    author: cityName(text(data.authorCityId)),
    title: text(data.title),
    text: text(data.text),
    outcome: text(data.outcome),
    reason: text(data.reason),
  };
  return { key: KNOWN.includes(event.type) ? event.type : 'other', values };
}
