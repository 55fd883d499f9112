import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { AcceptInvitationCommand } from './accept-invitation.command';

@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, cityId, ctx }: AcceptInvitationCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      project.acceptInvitation(cityId, actorFrom(ctx));
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
