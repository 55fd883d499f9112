import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';
import type { InvitePartnerDto } from './invite-partner.dto';

export class InvitePartnerCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly input: InvitePartnerDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
