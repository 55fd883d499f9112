import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { skipOf, type PageRequest } from '../../shared/pagination';
import { NotificationDocument } from './notification.schema';

interface WriteError {
  index: number;
  code?: number;
  errmsg?: string;
}

export type NewNotification = Omit<NotificationDocument, '_id' | 'updatedAt' | 'readAt' | 'version'>;

/** The `notifications` collection, with the narrow operations the use cases need. */
@Injectable()
export class InboxRepository implements OnModuleInit {
  constructor(@InjectModel(NotificationDocument.name) private readonly model: Model<NotificationDocument>) {}

  /** The unique (eventId, cityId) index must exist before the first write relies on it. */
  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /**
   * Inserts a batch in one round trip (unordered: one failure does not stop the others). Per item:
   * the document, `null` when the city already had that event's item, or the Error of that write.
   */
  async insertManyOnce(items: NewNotification[]): Promise<(NotificationDocument | null | Error)[]> {
    const docs: NotificationDocument[] = items.map((item) => ({ _id: randomUUID(), ...item, updatedAt: item.createdAt, readAt: null, version: 1 }));
    if (docs.length === 0) return [];
    try {
      await this.model.collection.insertMany(docs as never[], { ordered: false });
      return docs;
    } catch (error) {
      const raw = (error as { writeErrors?: WriteError | WriteError[] }).writeErrors;
      if (!raw) throw error; // not a per-document failure (e.g. MongoDB unreachable): the whole batch failed
      const failed = new Map(([] as WriteError[]).concat(raw).map((e) => [e.index, e]));
      return docs.map((doc, i) => {
        const e = failed.get(i);
        if (!e) return doc;
        return e.code === 11000 ? null : new Error(e.errmsg ?? `insert failed with code ${e.code}`);
      });
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
      .findOneAndUpdate(
        { _id: id, cityId, readAt: null },
        { $set: { readAt: now, updatedAt: now }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean<NotificationDocument>()
      .exec();
    return updated ?? this.model.findOne({ _id: id, cityId }).lean<NotificationDocument>().exec();
  }

  async markAllRead(cityId: string, now = new Date()): Promise<number> {
    const result = await this.model.updateMany({ cityId, readAt: null }, { $set: { readAt: now, updatedAt: now }, $inc: { version: 1 } }).exec();
    return result.modifiedCount;
  }
}
