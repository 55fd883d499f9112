import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EmailFrequency } from '../domain/notification-types';
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
   * Replaces the preferences (creating them on first save). With `expectedVersion`, only when the
   * stored version still matches (0 = never saved); null when it moved on.
   */
  async save(
    cityId: string,
    prefs: { email: EmailFrequency; mutedTypes: string[] },
    expectedVersion?: number,
    now = new Date(),
  ): Promise<NotificationPreferencesDocument | null> {
    const filter = expectedVersion === undefined || expectedVersion === 0 ? { _id: cityId } : { _id: cityId, version: expectedVersion };
    if (expectedVersion === 0 && (await this.find(cityId))) return null;
    try {
      return await this.model
        .findOneAndUpdate(
          filter,
          { $set: { email: prefs.email, mutedTypes: prefs.mutedTypes, updatedAt: now }, $setOnInsert: { createdAt: now }, $inc: { version: 1 } },
          { upsert: expectedVersion === undefined || expectedVersion === 0, returnDocument: 'after' },
        )
        .lean<NotificationPreferencesDocument>()
        .exec();
    } catch (error) {
      // Two first saves racing: the loser's upsert hits the _id; treat it as a stale version.
      if ((error as { code?: number }).code === 11000) return null;
      throw error;
    }
  }
}
