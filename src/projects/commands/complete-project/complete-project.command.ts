import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';
import type { CompleteProjectDto } from './complete-project.dto';

/** The lead completes an active project, saying what it achieved. */
export class CompleteProjectCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly input: CompleteProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
