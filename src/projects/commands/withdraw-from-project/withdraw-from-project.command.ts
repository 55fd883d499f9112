import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';
import type { WithdrawFromProjectDto } from './withdraw-from-project.dto';

/** An accepted partner (not the lead) leaves the project. */
export class WithdrawFromProjectCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly input: WithdrawFromProjectDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
