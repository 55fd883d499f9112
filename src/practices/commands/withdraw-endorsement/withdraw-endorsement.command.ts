import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { PracticeView } from '../../queries/get-practice/practice.view';

/** A city takes its endorsement back; it may endorse again later. */
export class WithdrawEndorsementCommand extends Command<PracticeView> {
  constructor(
    readonly practiceId: string,
    readonly cityId: string | undefined,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
