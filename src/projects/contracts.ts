/**
 * The projects module's public surface: the only file other modules may import from
 * `src/projects`. Event classes (for `@EventsHandler`), their payload types and the queries other
 * modules (live gateway, notifications) may send through the QueryBus.
 */
import { defineEvent } from '@app/events';
import type { z } from 'zod';
import { Query } from '@nestjs/cqrs';
import { PROJECT_AGGREGATE, type ProjectEventMap } from './domain/events';
import { projectEventSchemas as s } from './domain/schemas';

export type * from './domain/events';
export { PROJECT_AGGREGATE, PROJECT_EVENT_TYPES } from './domain/events';

const project = <K extends keyof ProjectEventMap>(type: K) =>
  defineEvent<ProjectEventMap[K]>(type, PROJECT_AGGREGATE, s[type] as unknown as z.ZodType<ProjectEventMap[K]>);

export const ProjectProposed = project('ProjectProposed');
export const ProjectUpdated = project('ProjectUpdated');
export const PartnerInvited = project('PartnerInvited');
export const InvitationAccepted = project('InvitationAccepted');
export const InvitationDeclined = project('InvitationDeclined');
export const JoinRequested = project('JoinRequested');
export const JoinRequestApproved = project('JoinRequestApproved');
export const JoinRequestRejected = project('JoinRequestRejected');
export const PartnerWithdrew = project('PartnerWithdrew');
export const ProjectUpdatePosted = project('ProjectUpdatePosted');
export const ProjectStarted = project('ProjectStarted');
export const ProjectCompleted = project('ProjectCompleted');
export const ProjectCancelled = project('ProjectCancelled');

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
];

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
