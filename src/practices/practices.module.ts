import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventsModule } from '@app/events';
import { AcceptExchangeHandler } from './commands/accept-exchange/accept-exchange.handler';
import { CancelExchangeHandler } from './commands/cancel-exchange/cancel-exchange.handler';
import { CommentOnPracticeHandler } from './commands/comment-on-practice/comment-on-practice.handler';
import { CompleteExchangeHandler } from './commands/complete-exchange/complete-exchange.handler';
import { DeclineExchangeHandler } from './commands/decline-exchange/decline-exchange.handler';
import { EndorsePracticeHandler } from './commands/endorse-practice/endorse-practice.handler';
import { HideCommentHandler } from './commands/hide-comment/hide-comment.handler';
import { HidePracticeHandler } from './commands/hide-practice/hide-practice.handler';
import { ReportCommentHandler } from './commands/report-comment/report-comment.handler';
import { ReportPracticeHandler } from './commands/report-practice/report-practice.handler';
import { RequestExchangeHandler } from './commands/request-exchange/request-exchange.handler';
import { SharePracticeHandler } from './commands/share-practice/share-practice.handler';
import { UnhideCommentHandler } from './commands/unhide-comment/unhide-comment.handler';
import { UnhidePracticeHandler } from './commands/unhide-practice/unhide-practice.handler';
import { UpdatePracticeHandler } from './commands/update-practice/update-practice.handler';
import { WithdrawEndorsementHandler } from './commands/withdraw-endorsement/withdraw-endorsement.handler';
import { PRACTICE_EVENTS } from './contracts';
import { ExchangesController } from './http/exchanges.controller';
import { ModerationController } from './http/moderation.controller';
import { PracticeEngagementController } from './http/practice-engagement.controller';
import { PracticesController } from './http/practices.controller';
import { CommentDocument, CommentSchema } from './persistence/comment.schema';
import { EndorsementDocument, EndorsementSchema } from './persistence/endorsement.schema';
import { ExchangeReadRepository } from './persistence/exchange-read.repository';
import { ExchangeRepository } from './persistence/exchange.repository';
import { ExchangeDocument, ExchangeSchema } from './persistence/exchange.schema';
import { PracticeIndexes } from './persistence/practice-indexes';
import { PracticeReadRepository } from './persistence/practice-read.repository';
import { PracticeRepository } from './persistence/practice.repository';
import { PracticeDocument, PracticeSchema } from './persistence/practice.schema';
import { ReportReadRepository } from './persistence/report-read.repository';
import { ReportDocument, ReportSchema } from './persistence/report.schema';
import { CanViewPracticeHandler } from './queries/can-view-practice/can-view-practice.handler';
import { GetExchangeHandler } from './queries/get-exchange/get-exchange.handler';
import { GetPracticeSummaryHandler } from './queries/get-practice-summary/get-practice-summary.handler';
import { GetPracticeTimelineHandler } from './queries/get-practice-timeline/get-practice-timeline.handler';
import { PracticeEventsReader } from './queries/get-practice-timeline/practice-events.reader';
import { GetPracticeHandler } from './queries/get-practice/get-practice.handler';
import { ListCityPracticeActivityHandler } from './queries/list-city-practice-activity/list-city-practice-activity.handler';
import { ListNetworkPracticeActivityHandler } from './queries/list-network-practice-activity/list-network-practice-activity.handler';
import { ListCommentsHandler } from './queries/list-comments/list-comments.handler';
import { ListPracticeEventsHandler } from './queries/list-practice-events/list-practice-events.handler';
import { ListExchangesHandler } from './queries/list-exchanges/list-exchanges.handler';
import { ListPracticesHandler } from './queries/list-practices/list-practices.handler';
import { ListReportsHandler } from './queries/list-reports/list-reports.handler';

const COMMAND_HANDLERS = [
  SharePracticeHandler,
  UpdatePracticeHandler,
  EndorsePracticeHandler,
  WithdrawEndorsementHandler,
  CommentOnPracticeHandler,
  ReportPracticeHandler,
  ReportCommentHandler,
  HidePracticeHandler,
  UnhidePracticeHandler,
  HideCommentHandler,
  UnhideCommentHandler,
  RequestExchangeHandler,
  AcceptExchangeHandler,
  DeclineExchangeHandler,
  CancelExchangeHandler,
  CompleteExchangeHandler,
];

const QUERY_HANDLERS = [
  ListPracticesHandler,
  GetPracticeHandler,
  ListCommentsHandler,
  GetPracticeTimelineHandler,
  ListExchangesHandler,
  GetExchangeHandler,
  ListReportsHandler,
  CanViewPracticeHandler,
  ListPracticeEventsHandler,
  GetPracticeSummaryHandler,
  ListCityPracticeActivityHandler,
  ListNetworkPracticeActivityHandler,
];

/** Best practices and the exchanges around them (SPEC §3). Other modules use `./contracts.ts` only. */
@Module({
  imports: [
    EventsModule.forFeature(PRACTICE_EVENTS),
    MongooseModule.forFeature([
      { name: PracticeDocument.name, schema: PracticeSchema },
      { name: CommentDocument.name, schema: CommentSchema },
      { name: EndorsementDocument.name, schema: EndorsementSchema },
      { name: ReportDocument.name, schema: ReportSchema },
      { name: ExchangeDocument.name, schema: ExchangeSchema },
    ]),
  ],
  controllers: [PracticesController, PracticeEngagementController, ExchangesController, ModerationController],
  providers: [
    PracticeIndexes,
    PracticeRepository,
    PracticeReadRepository,
    ExchangeRepository,
    ExchangeReadRepository,
    ReportReadRepository,
    PracticeEventsReader,
    ...COMMAND_HANDLERS,
    ...QUERY_HANDLERS,
  ],
})
export class PracticesModule {}
