import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { skipOf, type PageRequest } from '../../shared/pagination';
import type { ExchangeSnapshot, ExchangeStatus } from '../domain/exchange-state';
import { ExchangeDocument, exchangeFromStored } from './exchange.schema';
import type { Slice } from './practice-read.repository';

export const EXCHANGE_ROLES = ['host', 'requester'] as const;
export type ExchangeRole = (typeof EXCHANGE_ROLES)[number];

export interface ExchangeListFilter {
  /** Exchanges of this city (as host, requester, or either); all cities when absent (admins). */
  cityId?: string;
  role?: ExchangeRole;
  status?: ExchangeStatus;
  practiceId?: string;
}

/** The read side of exchanges. */
@Injectable()
export class ExchangeReadRepository {
  constructor(@InjectModel(ExchangeDocument.name) private readonly exchanges: Model<ExchangeDocument>) {}

  async findById(id: string): Promise<ExchangeSnapshot | null> {
    const doc = await this.exchanges.findById(id).lean<ExchangeDocument>().exec();
    return doc ? exchangeFromStored(doc) : null;
  }

  /** Newest first. */
  async list(filter: ExchangeListFilter, page: PageRequest): Promise<Slice<ExchangeSnapshot>> {
    const and: QueryFilter<ExchangeDocument>[] = [];
    if (filter.cityId) {
      if (filter.role === 'host') and.push({ hostCityId: filter.cityId });
      else if (filter.role === 'requester') and.push({ requesterCityId: filter.cityId });
      else and.push({ $or: [{ hostCityId: filter.cityId }, { requesterCityId: filter.cityId }] });
    }
    if (filter.status) and.push({ status: filter.status });
    if (filter.practiceId) and.push({ practiceId: filter.practiceId });
    const query = and.length ? { $and: and } : {};
    const [docs, total] = await Promise.all([
      this.exchanges.find(query).sort({ createdAt: -1, _id: -1 }).skip(skipOf(page)).limit(page.limit).lean<ExchangeDocument[]>().exec(),
      this.exchanges.countDocuments(query).exec(),
    ]);
    return { items: docs.map(exchangeFromStored), total };
  }

  /**
   * The cities `cityId` has exchanged with (accepted or completed exchanges, on either side) and
   * how many times: declined, cancelled and pending requests are no collaboration.
   */
  async partnersOf(cityId: string): Promise<{ cityId: string; exchanges: number }[]> {
    const docs = await this.exchanges
      .find(
        { $or: [{ hostCityId: cityId }, { requesterCityId: cityId }], status: { $in: ['accepted', 'completed'] } },
        { hostCityId: 1, requesterCityId: 1 },
      )
      .lean<Pick<ExchangeDocument, 'hostCityId' | 'requesterCityId'>[]>()
      .exec();
    const counts = new Map<string, number>();
    for (const d of docs) {
      const other = d.hostCityId === cityId ? d.requesterCityId : d.hostCityId;
      counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    return [...counts]
      .map(([id, exchanges]) => ({ cityId: id, exchanges }))
      .sort((a, b) => b.exchanges - a.exchanges || a.cityId.localeCompare(b.cityId));
  }
}
