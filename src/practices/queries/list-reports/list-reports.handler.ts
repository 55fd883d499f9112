import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { pageOf, type Page } from '../../../shared/pagination';
import { PracticeReadRepository } from '../../persistence/practice-read.repository';
import { ReportReadRepository } from '../../persistence/report-read.repository';
import { ReportView } from './report.view';
import { ListReportsQuery } from './list-reports.query';

@QueryHandler(ListReportsQuery)
export class ListReportsHandler implements IQueryHandler<ListReportsQuery> {
  constructor(
    private readonly reports: ReportReadRepository,
    private readonly practices: PracticeReadRepository,
  ) {}

  async execute({ status, page }: ListReportsQuery): Promise<Page<ReportView>> {
    const { items, total } = await this.reports.list(status, page);
    // What was reported, as it reads now, so a moderator can judge without opening each item.
    const [titles, texts] = await Promise.all([
      this.practices.titles([...new Set(items.map((r) => r.practiceId))]),
      this.practices.commentTexts(items.filter((r) => r.targetType === 'comment').map((r) => r.targetId)),
    ]);
    return pageOf(
      items.map((r) =>
        ReportView.of(r, {
          practiceTitle: titles.get(r.practiceId) ?? null,
          commentText: r.targetType === 'comment' ? (texts.get(r.targetId) ?? null) : null,
        }),
      ),
      total,
      page,
    );
  }
}
