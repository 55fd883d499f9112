import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { RejectJoinRequestCommand } from './reject-join-request.command';

@CommandHandler(RejectJoinRequestCommand)
export class RejectJoinRequestHandler implements ICommandHandler<RejectJoinRequestCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, cityId, ctx }: RejectJoinRequestCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      project.rejectJoinRequest(cityId, actorFrom(ctx));
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
