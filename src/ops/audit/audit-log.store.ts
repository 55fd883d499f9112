import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { skipOf, type PageRequest } from '../../shared/pagination';
import { AuditEntry, type AuditEntryRecord } from './audit-entry.schema';

export interface AuditFilter {
  /** A user id or an e-mail address. */
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/** The audit log collection: append one entry, list a page newest first. */
@Injectable()
export class AuditLogStore {
  constructor(@InjectModel(AuditEntry.name) private readonly entries: Model<AuditEntry>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.entries.create(entry);
  }

  async list(filter: AuditFilter, page: PageRequest): Promise<{ items: AuditEntryRecord[]; total: number }> {
    const query: Record<string, unknown> = {};
    if (filter.actor !== undefined) query.$or = [{ 'actor.userId': filter.actor }, { 'actor.email': filter.actor.toLowerCase() }];
    if (filter.action !== undefined) query.action = filter.action;
    if (filter.from || filter.to) query.at = { ...(filter.from && { $gte: filter.from }), ...(filter.to && { $lt: filter.to }) };
    const [items, total] = await Promise.all([
      this.entries.find(query).sort({ at: -1, _id: -1 }).skip(skipOf(page)).limit(page.limit).lean<AuditEntryRecord[]>(),
      this.entries.countDocuments(query),
    ]);
    return { items, total };
  }
}
