import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ReportView } from '../../queries/list-reports/report.view';
import type { ReportDto } from './report.dto';

/** A user reports a practice to the moderators, once. */
export class ReportPracticeCommand extends Command<ReportView> {
  constructor(
    readonly practiceId: string,
    readonly input: ReportDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
