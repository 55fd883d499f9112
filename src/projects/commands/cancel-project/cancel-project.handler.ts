import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { CancelProjectCommand } from './cancel-project.command';

@CommandHandler(CancelProjectCommand)
export class CancelProjectHandler implements ICommandHandler<CancelProjectCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, input, ctx }: CancelProjectCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      project.cancel(input.reason, actorFrom(ctx));
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
