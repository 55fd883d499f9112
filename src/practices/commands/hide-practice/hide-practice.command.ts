import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { PracticeView } from '../../queries/get-practice/practice.view';

/** A moderator hides a practice; its open reports are resolved. */
export class HidePracticeCommand extends Command<PracticeView> {
  constructor(
    readonly practiceId: string,
    readonly reason: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
