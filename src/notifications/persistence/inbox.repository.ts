import { isDuplicateKeyError } from '@app/events/mongo-errors';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { skipOf, type PageRequest } from '../../shared/pagination';
import { NotificationDocument } from './notification.schema';

export type NewNotification = Omit<NotificationDocument, '_id' | 'updatedAt' | 'readAt' | 'version'>;

/** The `notifications` collection, with the narrow operations the use cases need. */
@Injectable()
export class InboxRepository implements OnModuleInit {
  constructor(@InjectModel(NotificationDocument.name) private readonly model: Model<NotificationDocument>) {}

  /** The unique (eventId, cityId) index must exist before the first write relies on it. */
  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** Inserts the item; `null` when the city already has the item of this event (a no-op). */
  async insertOnce(item: NewNotification): Promise<NotificationDocument | null> {
    const doc: NotificationDocument = { _id: randomUUID(), ...item, updatedAt: item.createdAt, readAt: null, version: 1 };
    try {
      // The driver's insert, not Model.create: this is the hot path of every notification.
      await this.model.collection.insertOne(doc as never);
      return doc;
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  findByEvent(eventId: string, cityId: string): Promise<NotificationDocument | null> {
    return this.model.findOne({ eventId, cityId }).lean<NotificationDocument>().exec();
  }

  async list(cityId: string, unreadOnly: boolean, page: PageRequest): Promise<{ items: NotificationDocument[]; total: number }> {
    const filter = { cityId, ...(unreadOnly ? { readAt: null } : {}) };
    const [items, total] = await Promise.all([
      this.model.find(filter).sort({ createdAt: -1, _id: -1 }).skip(skipOf(page)).limit(page.limit).lean<NotificationDocument[]>().exec(),
      this.model.countDocuments(filter).exec(),
    ]);
    return { items, total };
  }

  countUnread(cityId: string): Promise<number> {
    return this.model.countDocuments({ cityId, readAt: null }).exec();
  }

  /** Marks one item read (once: reading it again changes nothing); null when the city has no such item. */
  async markRead(cityId: string, id: string, now = new Date()): Promise<NotificationDocument | null> {
    const updated = await this.model
      .findOneAndUpdate({ _id: id, cityId, readAt: null }, { $set: { readAt: now, updatedAt: now }, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean<NotificationDocument>()
      .exec();
    return updated ?? this.model.findOne({ _id: id, cityId }).lean<NotificationDocument>().exec();
  }

  async markAllRead(cityId: string, now = new Date()): Promise<number> {
    const result = await this.model.updateMany({ cityId, readAt: null }, { $set: { readAt: now, updatedAt: now }, $inc: { version: 1 } }).exec();
    return result.modifiedCount;
  }
}
