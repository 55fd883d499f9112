import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { NotFoundError } from '@app/domain';
import { EventSourcedRepository, UnitOfWork } from '@app/events';
import type { ClientSession, Model } from 'mongoose';
import { Exchange } from '../domain/exchange';
import { EXCHANGE_AGGREGATE } from '../domain/exchange-events';
import { ExchangeDocument, exchangeFromStored, exchangeToStored } from './exchange.schema';
import { writeVersioned } from '../../common/persistence/versioned-write';

/** Tries of `change` before a stale version reaches the client, as for practices. */
const MAX_CHANGE_ATTEMPTS = 25;

/** The write side of exchanges after the request (which `PracticeRepository` stores with the practice). */
@Injectable()
export class ExchangeRepository extends EventSourcedRepository<Exchange> {
  protected readonly aggregateType = EXCHANGE_AGGREGATE;

  constructor(
    unitOfWork: UnitOfWork,
    @InjectModel(ExchangeDocument.name) private readonly exchanges: Model<ExchangeDocument>,
  ) {
    super(unitOfWork);
  }

  async load(id: string): Promise<Exchange> {
    const doc = await this.exchanges.findById(id).lean<ExchangeDocument>().exec();
    if (!doc) throw new NotFoundError('exchange', id);
    return Exchange.restore(exchangeFromStored(doc));
  }

  /** Load → change → save, in turn with the other commands on this exchange here; again on the fresh one if the other side acted meanwhile. */
  change<T>(id: string, work: (exchange: Exchange) => Promise<T>): Promise<T> {
    return this.changeWithRetry(id, MAX_CHANGE_ATTEMPTS, (key) => this.load(key), work);
  }

  protected async persist(exchange: Exchange, session: ClientSession): Promise<void> {
    const doc = exchangeToStored({ ...exchange.toSnapshot(), version: exchange.version + 1 });
    if (!(await writeVersioned(this.exchanges, doc, exchange.version, session))) throw this.staleVersion(exchange);
  }
}
