import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DigestEntryDocument } from './digest-entry.schema';

export type NewDigestEntry = Omit<DigestEntryDocument, '_id' | 'digestKey' | 'recordedAt'>;

/** Entries waiting for digests. */
@Injectable()
export class DigestEntryRepository {
  constructor(@InjectModel(DigestEntryDocument.name) private readonly model: Model<DigestEntryDocument>) {}

  /** Adds entries; one already recorded (same user and event: a replayed event) is left as it is. */
  async addOnce(entries: NewDigestEntry[], now: Date): Promise<void> {
    if (entries.length === 0) return;
    await this.model.bulkWrite(
      entries.map((e) => ({
        updateOne: {
          filter: { userId: e.userId, eventId: e.eventId },
          update: { $setOnInsert: { ...e, digestKey: null, recordedAt: now } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** Gives every unclaimed entry of the user to the digest `key` (a retry of that digest adds what came since). */
  async claim(userId: string, key: string): Promise<void> {
    await this.model.updateMany({ userId, digestKey: null }, { $set: { digestKey: key } }).exec();
  }

  /** The entries of one digest, oldest first. */
  claimedBy(userId: string, key: string): Promise<DigestEntryDocument[]> {
    return this.model.find({ userId, digestKey: key }).sort({ at: 1, _id: 1 }).lean<DigestEntryDocument[]>().exec();
  }
}
