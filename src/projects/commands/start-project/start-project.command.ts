import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';

/** The lead starts a proposed project that has at least one accepted partner. */
export class StartProjectCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
