import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { PracticeView } from '../../queries/get-practice/practice.view';

/** A city endorses a practice, once. */
export class EndorsePracticeCommand extends Command<PracticeView> {
  constructor(
    readonly practiceId: string,
    readonly cityId: string | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
