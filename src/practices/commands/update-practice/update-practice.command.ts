import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { PracticeView } from '../../queries/get-practice/practice.view';
import type { UpdatePracticeDto } from './update-practice.dto';

export class UpdatePracticeCommand extends Command<PracticeView> {
  constructor(
    readonly practiceId: string,
    readonly input: UpdatePracticeDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
