import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';
import type { ProposeProjectDto } from './propose-project.dto';

export class ProposeProjectCommand extends Command<ProjectView> {
  constructor(
    readonly input: ProposeProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
