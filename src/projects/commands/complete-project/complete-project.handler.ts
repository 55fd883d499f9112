import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { CompleteProjectCommand } from './complete-project.command';

@CommandHandler(CompleteProjectCommand)
export class CompleteProjectHandler implements ICommandHandler<CompleteProjectCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, input, ctx }: CompleteProjectCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      project.complete(input.outcome, actorFrom(ctx));
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
