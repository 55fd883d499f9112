import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectUpdateView } from '../../queries/list-project-updates/project-update.view';
import type { PostProjectUpdateDto } from './post-project-update.dto';

/** The lead or an accepted partner posts news or a milestone. */
export class PostProjectUpdateCommand extends Command<ProjectUpdateView> {
  constructor(
    readonly projectId: string,
    readonly input: PostProjectUpdateDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
