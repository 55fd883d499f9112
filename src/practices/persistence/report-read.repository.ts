import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { skipOf, type PageRequest } from '../../shared/pagination';
import type { Report, ReportStatus } from '../domain/practice-state';
import type { Slice } from './practice-read.repository';
import { ReportDocument, reportFromStored } from './report.schema';

/** The moderators' queue. */
@Injectable()
export class ReportReadRepository {
  constructor(@InjectModel(ReportDocument.name) private readonly reports: Model<ReportDocument>) {}

  /** Oldest first: the order a queue is worked through. */
  async list(status: ReportStatus | undefined, page: PageRequest): Promise<Slice<Report>> {
    const query = status ? { status } : {};
    const [docs, total] = await Promise.all([
      this.reports.find(query).sort({ createdAt: 1, _id: 1 }).skip(skipOf(page)).limit(page.limit).lean<ReportDocument[]>().exec(),
      this.reports.countDocuments(query).exec(),
    ]);
    return { items: docs.map(reportFromStored), total };
  }
}
