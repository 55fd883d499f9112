import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { UpdateProjectCommand } from './update-project.command';

@CommandHandler(UpdateProjectCommand)
export class UpdateProjectHandler implements ICommandHandler<UpdateProjectCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, input, ctx }: UpdateProjectCommand): Promise<ProjectView> {
    const { version, ...changes } = input;
    const project = await this.projects.load(projectId);
    project.update(changes, version, actorFrom(ctx));
    // A PATCH that changes nothing records nothing and keeps the version.
    if (!project.hasPendingEvents) return ProjectView.of(project.toSnapshot());
    // Two PATCHes racing from the same version: the second save finds the version moved → 409.
    await this.projects.save(project, ctx);
    return ProjectView.saved(project);
  }
}
