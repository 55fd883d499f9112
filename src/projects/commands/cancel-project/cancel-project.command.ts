import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';
import type { CancelProjectDto } from './cancel-project.dto';

/** The lead cancels a proposed or active project, giving the reason. */
export class CancelProjectCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly input: CancelProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
