import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { actorFrom } from '../../domain/practice-policy';
import { PracticeRepository } from '../../persistence/practice.repository';
import { ReportView } from '../../queries/list-reports/report.view';
import { ReportCommentCommand } from './report-comment.command';

@CommandHandler(ReportCommentCommand)
export class ReportCommentHandler implements ICommandHandler<ReportCommentCommand> {
  constructor(private readonly practices: PracticeRepository) {}

  async execute({ commentId, input, ctx }: ReportCommentCommand): Promise<ReportView> {
    const comment = await this.practices.loadComment(commentId);
    const practice = await this.practices.load(comment.practiceId);
    const already = await this.practices.hasReported('comment', commentId, ctx.actor.userId);
    const report = practice.reportComment(comment, { reportId: randomUUID(), reason: input.reason }, actorFrom(ctx), { already });
    await this.practices.saveReport(practice, report, ctx);
    return ReportView.of(report, { practiceTitle: practice.title, commentText: comment.text });
  }
}
