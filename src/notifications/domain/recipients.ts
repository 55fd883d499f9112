import type { NotifiedType } from './notification-types';

/**
 * Who is told of an event (SPEC §4), as a pure function of the event: no I/O, so each rule is
 * unit-tested. The result is either explicit cities, or — for PracticeShared — "every city of a
 * creative field", which the caller resolves through the cities module.
 */
export type Recipients = { kind: 'cities'; cityIds: string[] } | { kind: 'field'; field: string; exceptCityIds: string[] };

/** What a rule reads of an event: its type, payload and the city that acted. */
export interface NotifiableEvent {
  type: string;
  data: unknown;
  actor: { cityId: string | null };
}

/** The fields every project event payload has (src/projects/contracts.ts). */
interface ProjectPayload {
  projectId: string;
  leadCityId: string;
  acceptedPartnerIds: string[];
  cityId?: string;
  authorCityId?: string;
}

type Rule = (event: NotifiableEvent) => Recipients;

const cities = (...ids: (string | undefined | null)[]): Recipients => ({ kind: 'cities', cityIds: unique(ids) });
const project = (event: NotifiableEvent) => event.data as ProjectPayload;
const leadAndPartners = (p: ProjectPayload) => [p.leadCityId, ...p.acceptedPartnerIds];
const without = (ids: string[], ...excluded: (string | undefined)[]) => ids.filter((id) => !excluded.includes(id));

/**
 * One rule per notified type. Practice and exchange rules join here when those modules publish
 * their events (PracticeShared → `{kind: 'field', field, exceptCityIds: [author]}`,
 * PracticeEndorsed/Commented → the author city, ExchangeRequested → the host, the other
 * Exchange* → the other side); until then those types notify nobody.
 */
export const RECIPIENT_RULES: Partial<Record<NotifiedType, Rule>> = {
  PartnerInvited: (e) => cities(project(e).cityId),
  // The lead, and on acceptance every accepted partner too — not the city that just accepted.
  InvitationAccepted: (e) => cities(...without(leadAndPartners(project(e)), project(e).cityId)),
  InvitationDeclined: (e) => cities(project(e).leadCityId),
  JoinRequested: (e) => cities(project(e).leadCityId),
  JoinRequestApproved: (e) => cities(project(e).cityId),
  JoinRequestRejected: (e) => cities(project(e).cityId),
  PartnerWithdrew: (e) => cities(...without(leadAndPartners(project(e)), project(e).cityId)),
  ProjectUpdatePosted: (e) => cities(...without(leadAndPartners(project(e)), project(e).authorCityId)),
  ProjectStarted: (e) => cities(...project(e).acceptedPartnerIds),
  ProjectCompleted: (e) => cities(...project(e).acceptedPartnerIds),
  ProjectCancelled: (e) => cities(...project(e).acceptedPartnerIds),
};

/** The recipients of `event`; nobody for a type without a rule (e.g. ProjectProposed). */
export function recipientsOf(event: NotifiableEvent): Recipients {
  const rule = RECIPIENT_RULES[event.type as NotifiedType];
  return rule ? rule(event) : { kind: 'cities', cityIds: [] };
}

function unique(ids: (string | undefined | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0))];
}
