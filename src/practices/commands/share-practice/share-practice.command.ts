import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { PracticeView } from '../../queries/get-practice/practice.view';
import type { SharePracticeDto } from './share-practice.dto';

export class SharePracticeCommand extends Command<PracticeView> {
  constructor(
    readonly input: SharePracticeDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
