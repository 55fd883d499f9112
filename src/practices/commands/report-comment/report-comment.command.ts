import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '@app/events';
import type { ReportView } from '../../queries/list-reports/report.view';
import type { ReportDto } from '../report-practice/report.dto';

/** A user reports a comment to the moderators, once. */
export class ReportCommentCommand extends Command<ReportView> {
  constructor(
    readonly commentId: string,
    readonly input: ReportDto,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
