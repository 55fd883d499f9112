import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { ApproveJoinRequestCommand } from './approve-join-request.command';

@CommandHandler(ApproveJoinRequestCommand)
export class ApproveJoinRequestHandler implements ICommandHandler<ApproveJoinRequestCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, cityId, ctx }: ApproveJoinRequestCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      project.approveJoinRequest(cityId, actorFrom(ctx));
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
