import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventsModule } from '@app/events';
import { ReadCacheModule } from '../common/cache/read-cache.module';
import { readCacheInvalidator } from '../common/cache/read-cache-invalidator';
import { AcceptInvitationHandler } from './commands/accept-invitation/accept-invitation.handler';
import { ApproveJoinRequestHandler } from './commands/approve-join-request/approve-join-request.handler';
import { CancelProjectHandler } from './commands/cancel-project/cancel-project.handler';
import { CompleteProjectHandler } from './commands/complete-project/complete-project.handler';
import { DeclineInvitationHandler } from './commands/decline-invitation/decline-invitation.handler';
import { InvitePartnerHandler } from './commands/invite-partner/invite-partner.handler';
import { PostProjectUpdateHandler } from './commands/post-project-update/post-project-update.handler';
import { ProposeProjectHandler } from './commands/propose-project/propose-project.handler';
import { RejectJoinRequestHandler } from './commands/reject-join-request/reject-join-request.handler';
import { RequestToJoinHandler } from './commands/request-to-join/request-to-join.handler';
import { StartProjectHandler } from './commands/start-project/start-project.handler';
import { UpdateProjectHandler } from './commands/update-project/update-project.handler';
import { WithdrawFromProjectHandler } from './commands/withdraw-from-project/withdraw-from-project.handler';
import { PROJECT_EVENTS } from './contracts';
import { ProjectActivityController } from './http/project-activity.controller';
import { ProjectPartnersController } from './http/project-partners.controller';
import { ProjectsController } from './http/projects.controller';
import { InvitationQuotaDocument, InvitationQuotaSchema } from './persistence/invitation-quota.schema';
import { INVITATION_RATE_LIMIT_OPTIONS, InvitationQuotaStore } from './persistence/invitation-quota.store';
import { INVITATION_RATE_LIMIT, type InvitationRateLimit } from './domain/invitation-rate-limit';
import { AppConfig } from '../config/app-config';
import { ProjectReadRepository } from './persistence/project-read.repository';
import { ProjectRepository } from './persistence/project.repository';
import { ProjectDocument, ProjectSchema } from './persistence/project.schema';
import { ProjectUpdateDocument, ProjectUpdateSchema } from './persistence/project-update.schema';
import { CanViewProjectHandler } from './queries/can-view-project/can-view-project.handler';
import { GetProjectTimelineHandler } from './queries/get-project-timeline/get-project-timeline.handler';
import { GetProjectHandler } from './queries/get-project/get-project.handler';
import { ListProjectUpdatesHandler } from './queries/list-project-updates/list-project-updates.handler';
import { ListProjectsHandler } from './queries/list-projects/list-projects.handler';
import { SuggestPartnersHandler } from './queries/suggest-partners/suggest-partners.handler';

const COMMAND_HANDLERS = [
  ProposeProjectHandler,
  UpdateProjectHandler,
  InvitePartnerHandler,
  AcceptInvitationHandler,
  DeclineInvitationHandler,
  RequestToJoinHandler,
  ApproveJoinRequestHandler,
  RejectJoinRequestHandler,
  WithdrawFromProjectHandler,
  PostProjectUpdateHandler,
  StartProjectHandler,
  CompleteProjectHandler,
  CancelProjectHandler,
];

const QUERY_HANDLERS = [
  ListProjectsHandler,
  GetProjectHandler,
  ListProjectUpdatesHandler,
  GetProjectTimelineHandler,
  SuggestPartnersHandler,
  CanViewProjectHandler,
];

/** Joint projects between cities (SPEC §3 Projects). Other modules use `./contracts.ts` only. */
@Module({
  imports: [
    EventsModule.forFeature(PROJECT_EVENTS),
    ReadCacheModule,
    MongooseModule.forFeature([
      { name: ProjectDocument.name, schema: ProjectSchema },
      { name: ProjectUpdateDocument.name, schema: ProjectUpdateSchema },
      { name: InvitationQuotaDocument.name, schema: InvitationQuotaSchema },
    ]),
  ],
  controllers: [ProjectsController, ProjectPartnersController, ProjectActivityController],
  providers: [
    // keeps GET /projects and /projects/:id answers of the ReadCache current
    readCacheInvalidator('projects.read-cache', PROJECT_EVENTS),
    ProjectRepository,
    ProjectReadRepository,
    InvitationQuotaStore,
    {
      provide: INVITATION_RATE_LIMIT_OPTIONS,
      // Optional: the module's own tests run it without the application's settings.
      inject: [{ token: AppConfig, optional: true }],
      useFactory: (config?: AppConfig): InvitationRateLimit =>
        config ? { ...INVITATION_RATE_LIMIT, perPair: config.env.INVITATION_LIMIT_PER_PAIR } : INVITATION_RATE_LIMIT,
    },
    ...COMMAND_HANDLERS,
    ...QUERY_HANDLERS,
  ],
})
export class ProjectsModule {}
