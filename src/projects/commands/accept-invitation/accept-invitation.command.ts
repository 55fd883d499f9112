import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';

/** A user of the invited city accepts: the city becomes an accepted partner. */
export class AcceptInvitationCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly cityId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
