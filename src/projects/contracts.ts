/**
 * The projects module's public surface: the only file other modules may import from
 * `src/projects`. Event classes (for subscriptions), the `ProjectEvent` union consumers narrow,
 * payload types, and the queries other modules (live gateway) may send through the QueryBus.
 */
import { Query } from '@nestjs/cqrs';

// The event classes, PROJECT_EVENTS, the ProjectEvent union and the payload types, all derived
// from one zod schema per event.
export * from './domain/events';

// Commands and the list query the demo seeder (src/demo) plays the scenario with.
export { ProposeProjectCommand } from './commands/propose-project/propose-project.command';
export { InvitePartnerCommand } from './commands/invite-partner/invite-partner.command';
export { AcceptInvitationCommand } from './commands/accept-invitation/accept-invitation.command';
export { StartProjectCommand } from './commands/start-project/start-project.command';
export { PostProjectUpdateCommand } from './commands/post-project-update/post-project-update.command';
export { CompleteProjectCommand } from './commands/complete-project/complete-project.command';
export { ListProjectsQuery } from './queries/list-projects/list-projects.query';

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
