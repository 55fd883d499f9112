import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SessionDocument } from './session.schema';

/** The only class that touches the sessions collection. */
@Injectable()
export class SessionRepository {
  constructor(@InjectModel(SessionDocument.name) private readonly sessions: Model<SessionDocument>) {}

  async open(id: string, userId: string, expiresAt: Date): Promise<void> {
    await this.sessions.create({ _id: id, userId, expiresAt, endedAt: null });
  }

  /** True while the session of this user exists, has not ended and has not expired: one read by `_id`. */
  async isActive(id: string, userId: string, now = new Date()): Promise<boolean> {
    const found = await this.sessions.exists({ _id: id, userId, endedAt: null, expiresAt: { $gt: now } });
    return found !== null;
  }

  /** Ends one session of the user; false when it was already ended (or unknown). */
  async end(id: string, userId: string, now = new Date()): Promise<boolean> {
    const result = await this.sessions.updateOne({ _id: id, userId, endedAt: null }, { $set: { endedAt: now } }).exec();
    return result.modifiedCount === 1;
  }

  /** Ends every session of the user but `except` (the caller's own, on a password change). */
  async endAllOf(userId: string, except?: string, now = new Date()): Promise<number> {
    const filter = except ? { userId, endedAt: null, _id: { $ne: except } } : { userId, endedAt: null };
    const result = await this.sessions.updateMany(filter, { $set: { endedAt: now } }).exec();
    return result.modifiedCount;
  }
}
