import type { EventOf, NotifiableEvent, NotifiableType } from './notifiable-event';

export type { EventOf } from './notifiable-event';

/**
 * Who is told of an event (SPEC §4), as a pure function of the producer's own event type: each rule
 * takes the event narrowed to its type, so its payload is the one the producer's schema declares.
 * Renaming a payload field in projects or practices breaks the type-check here
 * (test/types/notification-rules). The result is either explicit cities, or — for PracticeShared —
 * "every city of a creative field", which the caller resolves through the cities module.
 */
export type Recipients = { kind: 'cities'; cityIds: string[] } | { kind: 'field'; field: string; exceptCityIds: string[] };

export interface RecipientRule<K extends NotifiableType> {
  /** Who is told, in words: the "notifies" column of docs/events.md. */
  notifies: string;
  recipients(event: EventOf<K>): Recipients;
}

/** At most one rule per event type of the producers; a type without a rule notifies nobody. */
export type RecipientRules = { [K in NotifiableType]?: RecipientRule<K> };

const cities = (...ids: (string | null)[]): Recipients => ({ kind: 'cities', cityIds: unique(ids) });
const leadAndPartners = (p: { leadCityId: string; acceptedPartnerIds: string[] }) => [p.leadCityId, ...p.acceptedPartnerIds];
const without = (ids: string[], excluded: string | null) => ids.filter((id) => id !== excluded);

/** One rule per notified type (SPEC §4); a type without one notifies nobody and cannot be muted. */
export const RECIPIENT_RULES = {
  PartnerInvited: { notifies: 'the invited city', recipients: ({ data }) => cities(data.cityId) },
  InvitationAccepted: {
    notifies: 'the lead and the other accepted partners',
    // Not the city that just accepted: it knows.
    recipients: ({ data }) => cities(...without(leadAndPartners(data), data.cityId)),
  },
  InvitationDeclined: { notifies: 'the lead', recipients: ({ data }) => cities(data.leadCityId) },
  JoinRequested: { notifies: 'the lead', recipients: ({ data }) => cities(data.leadCityId) },
  JoinRequestApproved: { notifies: 'the requesting city', recipients: ({ data }) => cities(data.cityId) },
  JoinRequestRejected: { notifies: 'the requesting city', recipients: ({ data }) => cities(data.cityId) },
  PartnerWithdrew: {
    notifies: 'the lead and the remaining accepted partners',
    recipients: ({ data }) => cities(...without(leadAndPartners(data), data.cityId)),
  },
  ProjectUpdatePosted: {
    notifies: "the lead and the accepted partners, not the author's city",
    recipients: ({ data }) => cities(...without(leadAndPartners(data), data.authorCityId)),
  },
  ProjectStarted: { notifies: 'every accepted partner', recipients: ({ data }) => cities(...data.acceptedPartnerIds) },
  ProjectCompleted: { notifies: 'every accepted partner', recipients: ({ data }) => cities(...data.acceptedPartnerIds) },
  ProjectCancelled: { notifies: 'every accepted partner', recipients: ({ data }) => cities(...data.acceptedPartnerIds) },
  PracticeShared: {
    notifies: 'the cities of its creative field, not its author (each city may mute it)',
    recipients: ({ data }) => ({ kind: 'field', field: data.field, exceptCityIds: [data.authorCityId] }),
  },
  PracticeEndorsed: { notifies: 'the author city', recipients: ({ data }) => cities(data.authorCityId) },
  PracticeCommented: {
    notifies: 'the author city, unless it wrote the comment',
    recipients: ({ data }) => cities(...without([data.authorCityId], data.commentAuthorCityId)),
  },
  PracticeHidden: { notifies: 'the author city, with the reason', recipients: ({ data }) => cities(data.authorCityId) },
  CommentHidden: { notifies: 'the city that wrote the comment, with the reason', recipients: ({ data }) => cities(data.commentAuthorCityId) },
  ExchangeRequested: { notifies: 'the host (the practice’s author city)', recipients: ({ data }) => cities(data.hostCityId) },
  ExchangeAccepted: { notifies: 'the requesting city', recipients: ({ data }) => cities(data.requesterCityId) },
  ExchangeDeclined: { notifies: 'the requesting city', recipients: ({ data }) => cities(data.requesterCityId) },
  ExchangeCancelled: { notifies: 'the host', recipients: ({ data }) => cities(data.hostCityId) },
  ExchangeCompleted: { notifies: 'the host', recipients: ({ data }) => cities(data.hostCityId) },
} satisfies RecipientRules;

/** The event types that notify a city: exactly those with a rule. */
export type NotifiedType = keyof typeof RECIPIENT_RULES;
export type NotifiedEvent = EventOf<NotifiedType>;

export function isNotified(event: NotifiableEvent): event is NotifiedEvent {
  return Object.hasOwn(RECIPIENT_RULES, event.type);
}

/** The recipients of `event`; nobody for a type without a rule (e.g. ProjectProposed). */
export function recipientsOf(event: NotifiableEvent): Recipients {
  return isNotified(event) ? apply(RECIPIENT_RULES, event.type, event) : { kind: 'cities', cityIds: [] };
}

// Generic over the type, so the rule of `type` is known to take the event of `type` (no cast).
function apply<K extends NotifiedType>(rules: { [P in NotifiedType]: RecipientRule<P> }, type: K, event: EventOf<K>): Recipients {
  return rules[type].recipients(event);
}

function unique(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
