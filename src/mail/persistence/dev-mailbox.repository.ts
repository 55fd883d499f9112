import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DevMailDocument } from './dev-mailbox.schema';

/** The development mailbox's store. */
@Injectable()
export class DevMailboxRepository {
  constructor(@InjectModel(DevMailDocument.name) private readonly model: Model<DevMailDocument>) {}

  async add(mail: Omit<DevMailDocument, '_id'>): Promise<void> {
    await this.model.create(mail);
  }

  /** Newest first, optionally only the mails to one address (case-insensitive). */
  async list(page: number, limit: number, to?: string): Promise<{ items: DevMailDocument[]; total: number }> {
    const filter = to ? { to: to.toLowerCase() } : {};
    const [items, total] = await Promise.all([
      this.model
        .find(filter)
        .sort({ sentAt: -1, _id: -1 })
        .skip((page - 1) * limit)
        .limit(limit)
        .lean<DevMailDocument[]>()
        .exec(),
      this.model.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }
}
