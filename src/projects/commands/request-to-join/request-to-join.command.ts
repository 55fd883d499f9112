import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ProjectView } from '../../queries/get-project/project.view';
import type { RequestToJoinDto } from './request-to-join.dto';

/** A city other than the lead asks to join a project. */
export class RequestToJoinCommand extends Command<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly input: RequestToJoinDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
