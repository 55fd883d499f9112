import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { actingCity } from '../acting-city';
import { WithdrawFromProjectCommand } from './withdraw-from-project.command';

@CommandHandler(WithdrawFromProjectCommand)
export class WithdrawFromProjectHandler implements ICommandHandler<WithdrawFromProjectCommand> {
  constructor(private readonly projects: ProjectRepository) {}

  async execute({ projectId, input, ctx }: WithdrawFromProjectCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      project.withdraw(actingCity(ctx, input.cityId, 'withdraw from a project'), actorFrom(ctx));
      await this.projects.save(project, ctx);
      return ProjectView.saved(project);
    });
  }
}
