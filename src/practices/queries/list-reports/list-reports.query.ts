import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '../../../shared/pagination';
import type { ReportStatus } from '../../domain/practice-state';
import type { ReportView } from './report.view';

/** The moderation queue, oldest first. Admins only (the route says so). */
export class ListReportsQuery extends Query<Page<ReportView>> {
  constructor(
    readonly status: ReportStatus | undefined,
    readonly page: PageRequest,
  ) {
    super();
  }
}
