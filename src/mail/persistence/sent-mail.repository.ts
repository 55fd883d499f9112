import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SentMailDocument } from './sent-mail.schema';

/** The record of mails sent, by key. */
@Injectable()
export class SentMailRepository {
  constructor(@InjectModel(SentMailDocument.name) private readonly model: Model<SentMailDocument>) {}

  async wasSent(key: string): Promise<boolean> {
    return (await this.model.exists({ _id: key })) !== null;
  }

  /** Records a sent mail; a second record of the same key (a concurrent retry) changes nothing. */
  async record(key: string, to: string, messageId: string, sentAt: Date): Promise<void> {
    await this.model.updateOne({ _id: key }, { $setOnInsert: { to, messageId, sentAt } }, { upsert: true }).exec();
  }
}
