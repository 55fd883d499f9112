import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { DeclineInvitationCommand } from './decline-invitation.command';

@CommandHandler(DeclineInvitationCommand)
export class DeclineInvitationHandler implements ICommandHandler<DeclineInvitationCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, cityId, ctx }: DeclineInvitationCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      project.declineInvitation(cityId, actorFrom(ctx));
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
