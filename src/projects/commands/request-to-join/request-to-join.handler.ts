import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { actingCity } from '../acting-city';
import { ensureCityExists } from '../ensure-city-exists';
import { RequestToJoinCommand } from './request-to-join.command';

@CommandHandler(RequestToJoinCommand)
export class RequestToJoinHandler implements ICommandHandler<RequestToJoinCommand> {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ projectId, input, ctx }: RequestToJoinCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      const cityId = actingCity(ctx, input.cityId, 'ask to join a project');
      project.requestToJoin(cityId, input.message, actorFrom(ctx));
      if (input.cityId) await ensureCityExists(this.queries, 'cityId', cityId);
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
