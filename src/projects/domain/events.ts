import type { ActionArea, CreativeField, Sdg, Sector } from '../../shared/reference-data';
import type { UpdateKind } from './project-state';

/**
 * Payloads of the project events (SPEC §4). Each carries what notification and read-model
 * consumers need without reading the projects collection: the project's id, current title and
 * lead, and the accepted partners *after* the change (so "notify every accepted partner" and the
 * collaborations read model work from the event alone). Absent optional values are `null`, never
 * missing, so that a payload looks the same after a round trip through MongoDB, Redis and JSON.
 *
 * Runtime schemas of the same payloads: `./schemas.ts`.
 */
export interface ProjectEventBase {
  projectId: string;
  title: string;
  leadCityId: string;
  /** Accepted partners after the change, lead excluded, in the order they joined. */
  acceptedPartnerIds: string[];
}

/** The partner city the event is about (the invited, accepting, requesting… city). */
export interface PartnerEventBase extends ProjectEventBase {
  cityId: string;
}

/** The editable fields of a project, as changed by `ProjectUpdated` (`null` clears an optional one). */
export interface ProjectChanges {
  title?: string;
  summary?: string;
  description?: string | null;
  fields?: CreativeField[];
  actionAreas?: ActionArea[];
  sectors?: Sector[];
  sdgs?: Sdg[];
  startDate?: string | null;
  endDate?: string | null;
}

export interface ProjectProposed extends ProjectEventBase {
  summary: string;
  description: string | null;
  fields: CreativeField[];
  actionAreas: ActionArea[];
  sectors: Sector[];
  sdgs: Sdg[];
  startDate: string | null;
  endDate: string | null;
}

export interface ProjectUpdated extends ProjectEventBase {
  /** Only the fields whose value changed, with their new value; `title` in the base is the new title. */
  changes: ProjectChanges;
}

export interface PartnerInvited extends PartnerEventBase {
  message: string | null;
}
export type InvitationAccepted = PartnerEventBase;
export type InvitationDeclined = PartnerEventBase;
export interface JoinRequested extends PartnerEventBase {
  message: string | null;
}
export type JoinRequestApproved = PartnerEventBase;
export type JoinRequestRejected = PartnerEventBase;
export type PartnerWithdrew = PartnerEventBase;

export interface ProjectUpdatePosted extends ProjectEventBase {
  updateId: string;
  text: string;
  kind: UpdateKind;
  /** The lead or accepted partner that posted it: it is not notified of its own update. */
  authorCityId: string;
}

export type ProjectStarted = ProjectEventBase;
export interface ProjectCompleted extends ProjectEventBase {
  outcome: string;
}
export interface ProjectCancelled extends ProjectEventBase {
  reason: string;
  previousStatus: 'proposed' | 'active';
}

/**
 * Event type → payload: the `E` of `AggregateRoot<E>`, and the list for `defineEvent`. (A type
 * alias, not an interface: `AggregateRoot` needs it to fit `Record<string, object>`.)
 */
export type ProjectEventMap = {
  ProjectProposed: ProjectProposed;
  ProjectUpdated: ProjectUpdated;
  PartnerInvited: PartnerInvited;
  InvitationAccepted: InvitationAccepted;
  InvitationDeclined: InvitationDeclined;
  JoinRequested: JoinRequested;
  JoinRequestApproved: JoinRequestApproved;
  JoinRequestRejected: JoinRequestRejected;
  PartnerWithdrew: PartnerWithdrew;
  ProjectUpdatePosted: ProjectUpdatePosted;
  ProjectStarted: ProjectStarted;
  ProjectCompleted: ProjectCompleted;
  ProjectCancelled: ProjectCancelled;
};

export type ProjectEventType = keyof ProjectEventMap;

/** The `aggregateType` of every project event. */
export const PROJECT_AGGREGATE = 'project';

export const PROJECT_EVENT_TYPES = [
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
] as const satisfies readonly ProjectEventType[];
