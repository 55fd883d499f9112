import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { CommentDocument } from './comment.schema';
import { EndorsementDocument } from './endorsement.schema';
import { ExchangeDocument } from './exchange.schema';
import { PracticeDocument } from './practice.schema';
import { ReportDocument } from './report.schema';

/**
 * Waits for the module's indexes before the app serves: `$text` needs the text index, and the
 * unique indexes decide races (endorsements, reports, open exchanges) from the first request on.
 * Mongoose builds them (autoIndex) when the models compile; `init()` is that build's promise.
 */
@Injectable()
export class PracticeIndexes implements OnModuleInit {
  constructor(
    @InjectModel(PracticeDocument.name) private readonly practices: Model<PracticeDocument>,
    @InjectModel(CommentDocument.name) private readonly comments: Model<CommentDocument>,
    @InjectModel(EndorsementDocument.name) private readonly endorsements: Model<EndorsementDocument>,
    @InjectModel(ReportDocument.name) private readonly reports: Model<ReportDocument>,
    @InjectModel(ExchangeDocument.name) private readonly exchanges: Model<ExchangeDocument>,
  ) {}

  async onModuleInit(): Promise<void> {
    await Promise.all([this.practices, this.comments, this.endorsements, this.reports, this.exchanges].map((model) => model.init()));
  }
}
