/**
 * The projects module's public surface: the only file other modules may import from
 * `src/projects`. Event classes (for `@EventsHandler`), their payload types and the queries other
 * modules (live gateway, notifications) may send through the QueryBus.
 */
import { defineEvent, type EventUnion } from '@app/events';
import { Query } from '@nestjs/cqrs';
import { PROJECT_AGGREGATE } from './domain/events';
import { projectEventSchemas as s } from './domain/schemas';

export type * from './domain/events';
export { PROJECT_AGGREGATE, PROJECT_EVENT_TYPES } from './domain/events';

export const ProjectProposed = defineEvent('ProjectProposed', PROJECT_AGGREGATE, s.ProjectProposed);
export const ProjectUpdated = defineEvent('ProjectUpdated', PROJECT_AGGREGATE, s.ProjectUpdated);
export const PartnerInvited = defineEvent('PartnerInvited', PROJECT_AGGREGATE, s.PartnerInvited);
export const InvitationAccepted = defineEvent('InvitationAccepted', PROJECT_AGGREGATE, s.InvitationAccepted);
export const InvitationDeclined = defineEvent('InvitationDeclined', PROJECT_AGGREGATE, s.InvitationDeclined);
export const JoinRequested = defineEvent('JoinRequested', PROJECT_AGGREGATE, s.JoinRequested);
export const JoinRequestApproved = defineEvent('JoinRequestApproved', PROJECT_AGGREGATE, s.JoinRequestApproved);
export const JoinRequestRejected = defineEvent('JoinRequestRejected', PROJECT_AGGREGATE, s.JoinRequestRejected);
export const PartnerWithdrew = defineEvent('PartnerWithdrew', PROJECT_AGGREGATE, s.PartnerWithdrew);
export const ProjectUpdatePosted = defineEvent('ProjectUpdatePosted', PROJECT_AGGREGATE, s.ProjectUpdatePosted);
export const ProjectStarted = defineEvent('ProjectStarted', PROJECT_AGGREGATE, s.ProjectStarted);
export const ProjectCompleted = defineEvent('ProjectCompleted', PROJECT_AGGREGATE, s.ProjectCompleted);
export const ProjectCancelled = defineEvent('ProjectCancelled', PROJECT_AGGREGATE, s.ProjectCancelled);

/** Every project event class, for `EventsModule.forFeature`. */
export const PROJECT_EVENTS = [
  ProjectProposed,
  ProjectUpdated,
  PartnerInvited,
  InvitationAccepted,
  InvitationDeclined,
  JoinRequested,
  JoinRequestApproved,
  JoinRequestRejected,
  PartnerWithdrew,
  ProjectUpdatePosted,
  ProjectStarted,
  ProjectCompleted,
  ProjectCancelled,
] as const;

/** The union of the project events, narrowed by `event.type`: what consumers of project events take. */
export type ProjectEvent = EventUnion<typeof PROJECT_EVENTS>;

/** The viewer of a query: who asks (null user = anonymous). */
export interface Viewer {
  userId: string | null;
  cityId: string | null;
  role: 'admin' | 'city' | null;
}

/**
 * Whether `viewer` may see the project (and so watch it live). `false` also for a project that
 * does not exist, so that a watcher cannot probe for ids.
 */
export class CanViewProjectQuery extends Query<boolean> {
  constructor(
    readonly projectId: string,
    readonly viewer: Viewer,
  ) {
    super();
  }
}
