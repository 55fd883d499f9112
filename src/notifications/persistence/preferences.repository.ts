import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@app/events';
import type { Model } from 'mongoose';
import { NotificationPreferencesDocument } from './notification-preferences.schema';

@Injectable()
export class PreferencesRepository {
  constructor(@InjectModel(NotificationPreferencesDocument.name) private readonly model: Model<NotificationPreferencesDocument>) {}

  find(cityId: string): Promise<NotificationPreferencesDocument | null> {
    return this.model.findById(cityId).lean<NotificationPreferencesDocument>().exec();
  }

  /** The muted types of each of these cities that muted any (one read for a batch of deliveries). */
  async mutedTypesOf(cityIds: string[]): Promise<Map<string, Set<string>>> {
    const docs = await this.model
      .find({ _id: { $in: [...new Set(cityIds)] }, 'mutedTypes.0': { $exists: true } }, { mutedTypes: 1 })
      .lean<Pick<NotificationPreferencesDocument, '_id' | 'mutedTypes'>[]>()
      .exec();
    return new Map(docs.map((d) => [d._id, new Set(d.mutedTypes)]));
  }

  /**
   * Replaces the city's muted types. With `expectedVersion`, only when the stored version still matches,
   * null when it moved on. Version 0 (never saved) is an insert, so the unique `_id` lets exactly one
   * of several racing first saves win, on any MongoDB (an upsert filtered on `_id` alone would
   * update the document another request had just inserted). Without a version the save always applies.
   */
  async save(
    cityId: string,
    prefs: { mutedTypes: string[] },
    expectedVersion?: number,
    now = new Date(),
  ): Promise<NotificationPreferencesDocument | null> {
    if (expectedVersion === 0) return this.insertFirst(cityId, prefs, now);
    const update = {
      $set: { mutedTypes: prefs.mutedTypes, updatedAt: now },
      $setOnInsert: { createdAt: now },
      $inc: { version: 1 },
    };
    const filter = expectedVersion === undefined ? { _id: cityId } : { _id: cityId, version: expectedVersion };
    const write = () =>
      this.model
        .findOneAndUpdate(filter, update, { upsert: expectedVersion === undefined, returnDocument: 'after' })
        .lean<NotificationPreferencesDocument>()
        .exec();
    try {
      return await write();
    } catch (error) {
      // Two unversioned first saves: the loser's upsert hit the _id the other inserted; now it is an update.
      if (isDuplicateKeyError(error)) return write();
      throw error;
    }
  }

  private async insertFirst(cityId: string, prefs: { mutedTypes: string[] }, now: Date) {
    const doc: NotificationPreferencesDocument = { _id: cityId, mutedTypes: prefs.mutedTypes, createdAt: now, updatedAt: now, version: 1 };
    try {
      await this.model.create(doc);
      return doc;
    } catch (error) {
      if (isDuplicateKeyError(error)) return null; // saved before, or by a racing first save: version 0 is stale
      throw error;
    }
  }
}
