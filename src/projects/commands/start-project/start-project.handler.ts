import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { StartProjectCommand } from './start-project.command';

@CommandHandler(StartProjectCommand)
export class StartProjectHandler implements ICommandHandler<StartProjectCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, ctx }: StartProjectCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      project.start(actorFrom(ctx));
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
