import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';

/** The lead rejects a city's request to join. */
export class RejectJoinRequestCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly cityId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
