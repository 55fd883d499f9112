import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { PracticeView } from '../../queries/get-practice/practice.view';

/** A moderator publishes a hidden practice again. */
export class UnhidePracticeCommand extends Command<PracticeView> {
  constructor(
    readonly practiceId: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
