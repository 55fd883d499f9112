import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { ReportView } from '../../queries/list-reports/report.view';
import { ReportPracticeCommand } from './report-practice.command';

@CommandHandler(ReportPracticeCommand)
export class ReportPracticeHandler implements ICommandHandler<ReportPracticeCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  async execute({ practiceId, input, ctx }: ReportPracticeCommand): Promise<ReportView> {
    const practice = await this.practices.load(practiceId);
    const already = await this.practices.hasReported('practice', practiceId, ctx.actor.userId);
    const report = practice.report({ reportId: randomUUID(), reason: input.reason }, actorFrom(ctx), { already });
    // Two reports racing from one user: the unique index keeps one, the other is the same 409.
    await this.practices.saveReport(practice, report, ctx);
    return ReportView.of(report, { practiceTitle: practice.title, commentText: null });
  }
}
