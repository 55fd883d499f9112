import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ConflictError } from '@app/domain';
import {
  duplicateKeyInfo,
  EventSourcedRepository,
  isDuplicateKeyError,
  UnitOfWork,
  type CommandContext,
  type EventEnvelope,
  type Transaction,
} from '@app/events';
import type { ClientSession, Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import type { Exchange } from '../domain/exchange';
import { ExchangeRule } from '../domain/exchange-errors';
import { EXCHANGE_AGGREGATE } from '../domain/exchange-events';
import { OPEN_EXCHANGE_STATUSES } from '../domain/exchange-state';
import { Practice } from '../domain/practice';
import { commentNotFound, PracticeRule, practiceNotFound } from '../domain/practice-errors';
import { PRACTICE_AGGREGATE } from '../domain/practice-events';
import type { CommentSnapshot, Endorsement, Report, ReportTarget } from '../domain/practice-state';
import { CommentDocument, commentFromStored, commentToStored } from './comment.schema';
import { EndorsementDocument } from './endorsement.schema';
import { ExchangeDocument, exchangeToStored } from './exchange.schema';
import { fromStored, PracticeDocument, toStored } from './practice.schema';
import { ReportDocument, reportToStored } from './report.schema';
import { writeVersioned } from '../../common/persistence/versioned-write';

/**
 * Tries of `change` before a stale version reaches the client. Endorsements, comments and exchange
 * requests by many cities at once all bump the practice's version; each round one of them wins, so
 * the bound is generous.
 */
const MAX_CHANGE_ATTEMPTS = 25;

/**
 * The write side of practices: load the aggregate, save it with its events and whatever it
 * produced beside it (an endorsement, a comment, a report, an exchange) in one transaction. Every
 * save but a report's bumps the practice's version on condition that it is still the loaded one, so
 * counts change exactly once per event; the unique indexes of endorsements, reports and open
 * exchanges back the rules the aggregate checked against what the handler read.
 */
@Injectable()
export class PracticeRepository extends EventSourcedRepository<Practice> {
  protected readonly aggregateType = PRACTICE_AGGREGATE;

  constructor(
    unitOfWork: UnitOfWork,
    @InjectModel(PracticeDocument.name) private readonly practices: Model<PracticeDocument>,
    @InjectModel(CommentDocument.name) private readonly comments: Model<CommentDocument>,
    @InjectModel(EndorsementDocument.name) private readonly endorsements: Model<EndorsementDocument>,
    @InjectModel(ReportDocument.name) private readonly reports: Model<ReportDocument>,
    @InjectModel(ExchangeDocument.name) private readonly exchanges: Model<ExchangeDocument>,
  ) {
    super(unitOfWork);
  }

  /** The practice, or a 404. */
  async load(id: string): Promise<Practice> {
    const doc = await this.practices.findById(id).lean<PracticeDocument>().exec();
    if (!doc) throw practiceNotFound(id);
    return Practice.restore(fromStored(doc));
  }

  /** Load → change → save, in turn with the other commands on this practice here, again on the fresh one when another instance saved it meanwhile. */
  change<T>(id: string, work: (practice: Practice) => Promise<T>): Promise<T> {
    return this.changeWithRetry(id, MAX_CHANGE_ATTEMPTS, (key) => this.load(key), work);
  }

  /** The comment, or a 404. */
  async loadComment(id: string): Promise<CommentSnapshot> {
    const doc = await this.comments.findById(id).lean<CommentDocument>().exec();
    if (!doc) throw commentNotFound(id);
    return commentFromStored(doc);
  }

  async hasEndorsed(practiceId: string, cityId: string): Promise<boolean> {
    return (await this.endorsements.exists({ practiceId, cityId }).exec()) !== null;
  }

  async hasReported(targetType: ReportTarget, targetId: string, userId: string | null): Promise<boolean> {
    if (!userId) return false;
    return (await this.reports.exists({ targetType, targetId, reporterUserId: userId }).exec()) !== null;
  }

  async hasOpenExchange(practiceId: string, requesterCityId: string): Promise<boolean> {
    return (await this.exchanges.exists({ practiceId, requesterCityId, status: { $in: [...OPEN_EXCHANGE_STATUSES] } }).exec()) !== null;
  }

  saveEndorsement(practice: Practice, endorsement: Endorsement, ctx: CommandContext): Promise<EventEnvelope[]> {
    const doc: EndorsementDocument = { _id: randomUUID(), ...endorsement };
    return this.saveWith(practice, ctx, async (tx) => {
      await this.endorsements.create([doc], { session: tx.session });
    });
  }

  saveWithdrawal(practice: Practice, cityId: string, ctx: CommandContext): Promise<EventEnvelope[]> {
    return this.saveWith(practice, ctx, async (tx) => {
      await this.endorsements.deleteOne({ practiceId: practice.id, cityId }, { session: tx.session }).exec();
    });
  }

  saveComment(practice: Practice, comment: CommentSnapshot, ctx: CommandContext): Promise<EventEnvelope[]> {
    return this.saveWith(practice, ctx, async (tx) => {
      await this.comments.create([commentToStored(comment)], { session: tx.session });
    });
  }

  /** A hidden or shown-again comment; hiding resolves the comment's open reports. */
  saveCommentModeration(practice: Practice, comment: CommentSnapshot, ctx: CommandContext): Promise<EventEnvelope[]> {
    return this.saveWith(practice, ctx, async (tx) => {
      const { _id, ...fields } = commentToStored(comment);
      await this.comments.updateOne({ _id }, { $set: fields }, { session: tx.session }).exec();
      if (comment.status === 'hidden') await this.resolveReports('comment', comment.id, tx);
    });
  }

  /** A hidden or shown-again practice; hiding resolves its open reports. */
  saveModeration(practice: Practice, ctx: CommandContext): Promise<EventEnvelope[]> {
    return this.saveWith(practice, ctx, async (tx) => {
      if (practice.status === 'hidden') await this.resolveReports('practice', practice.id, tx);
    });
  }

  /**
   * A report and its event. The practice itself does not change (a report is for moderators; its
   * version and updatedAt stay as readers saw them), so only the unique index decides a race.
   */
  async saveReport(practice: Practice, report: Report, ctx: CommandContext): Promise<EventEnvelope[]> {
    const events = practice.pullPendingEvents(); // once: the transaction body may be retried
    const doc = reportToStored(report);
    try {
      const { events: stored } = await this.unitOfWork.run(ctx, async (tx) => {
        await this.reports.create([doc], { session: tx.session });
        tx.record(this.aggregateType, practice.id, events);
      });
      return stored;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const code = report.targetType === 'practice' ? PracticeRule.AlreadyReported : PracticeRule.CommentAlreadyReported;
      throw new ConflictError(code, `You have already reported this ${report.targetType}`);
    }
  }

  /** The practice (its `exchangeCount`), the new exchange and its `ExchangeRequested` event, atomically. */
  saveExchangeRequest(practice: Practice, exchange: Exchange, ctx: CommandContext): Promise<EventEnvelope[]> {
    const events = exchange.pullPendingEvents(); // once: the transaction body may be retried
    const doc = exchangeToStored({ ...exchange.toSnapshot(), version: 1 });
    return this.saveWith(practice, ctx, async (tx) => {
      await this.exchanges.create([doc], { session: tx.session });
      tx.record(EXCHANGE_AGGREGATE, exchange.id, events);
    });
  }

  protected async persist(practice: Practice, session: ClientSession): Promise<void> {
    const doc = toStored({ ...practice.toSnapshot(), version: practice.version + 1 });
    if (!(await writeVersioned(this.practices, doc, practice.version, session))) throw this.staleVersion(practice);
  }

  /** A unique index refused a write that raced with another: the same 409 the rule gives. */
  protected override duplicateKey(error: unknown): ConflictError {
    const { fields } = duplicateKeyInfo(error);
    if (fields.includes('openKey')) return new ConflictError(ExchangeRule.AlreadyOpen, 'Your city already has an open exchange on this practice');
    if (fields.includes('cityId')) return new ConflictError(PracticeRule.AlreadyEndorsed, 'Your city has already endorsed this practice');
    return super.duplicateKey(error);
  }

  private async resolveReports(targetType: ReportTarget, targetId: string, tx: Transaction): Promise<void> {
    const now = new Date();
    await this.reports
      .updateMany(
        { targetType, targetId, status: 'open' },
        { $set: { status: 'resolved', resolvedAt: now, resolvedBy: tx.ctx.actor.userId ?? null, updatedAt: now }, $inc: { version: 1 } },
        { session: tx.session },
      )
      .exec();
  }
}
