import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { actorFrom } from '../../domain/project-policy';
import { ProjectRepository } from '../../persistence/project.repository';
import { ProjectView } from '../../queries/get-project/project.view';
import { ensureCityExists } from '../ensure-city-exists';
import { InvitePartnerCommand } from './invite-partner.command';

@CommandHandler(InvitePartnerCommand)
export class InvitePartnerHandler implements ICommandHandler<InvitePartnerCommand> {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ projectId, input, ctx }: InvitePartnerCommand): Promise<ProjectView> {
    return this.projects.change(projectId, async (project) => {
      // Rights and rules first (403/409 say more than "no such city" to a non-lead), then the city.
      project.invite(input.cityId, input.message, actorFrom(ctx));
      const cityId = input.cityId.trim();
      await ensureCityExists(this.queries, 'cityId', cityId);
      await this.projects.saveInvitation(project, cityId, ctx); // 429 past the pair's quota (InvitationRateLimited)
      return ProjectView.saved(project);
    });
  }
}
