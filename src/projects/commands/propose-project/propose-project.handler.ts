import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Project } from '../../domain/project';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { ensureCityExists } from '../ensure-city-exists';
import { ProposeProjectCommand } from './propose-project.command';

@CommandHandler(ProposeProjectCommand)
export class ProposeProjectHandler implements ICommandHandler<ProposeProjectCommand> {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ input, ctx }: ProposeProjectCommand): Promise<ProjectView> {
    const project = Project.propose({ id: randomUUID(), ...input }, actorFrom(ctx));
    // Only an admin can name a lead city; a user's own city exists by construction.
    if (input.leadCityId) await ensureCityExists(this.queries, 'leadCityId', project.leadCityId);
    await this.projects.save(project, ctx);
    return ProjectView.saved(project);
  }
}
