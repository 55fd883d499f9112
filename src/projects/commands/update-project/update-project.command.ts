import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';
import type { UpdateProjectDto } from './update-project.dto';

export class UpdateProjectCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly input: UpdateProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
