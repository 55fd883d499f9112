import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AccountTokenDocument, type AccountTokenPurpose, type InvitationData } from './account-token.schema';

/** A token just issued: the secret goes into the e-mail's link and nowhere else. */
export interface IssuedToken {
  token: string;
  record: AccountTokenDocument;
}

/** 256 random bits, URL-safe (43 characters). */
const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The only class that touches the account_tokens collection. */
@Injectable()
export class AccountTokenRepository {
  constructor(@InjectModel(AccountTokenDocument.name) private readonly tokens: Model<AccountTokenDocument>) {}

  async issue(
    purpose: AccountTokenPurpose,
    ttlMs: number,
    data: { userId?: string; invitation?: InvitationData },
    now = new Date(),
  ): Promise<IssuedToken> {
    const token = newToken();
    const created = await this.tokens.create({
      _id: hashToken(token),
      ref: randomUUID(),
      purpose,
      expiresAt: new Date(now.getTime() + ttlMs),
      userId: data.userId ?? null,
      invitation: data.invitation ?? null,
    });
    return { token, record: created.toObject() };
  }

  /**
   * Takes the token: the record if it exists for this purpose and has not expired, deleting it in
   * the same step, so of two concurrent uses exactly one gets it (single use). Null otherwise.
   */
  consume(purpose: AccountTokenPurpose, token: string, now = new Date()): Promise<AccountTokenDocument | null> {
    return this.tokens
      .findOneAndDelete({ _id: hashToken(token), purpose, expiresAt: { $gt: now } })
      .lean<AccountTokenDocument>()
      .exec();
  }

  /** How many unexpired tokens of this purpose the user has (caps the reset e-mails per hour). */
  countPending(userId: string, purpose: AccountTokenPurpose, now = new Date()): Promise<number> {
    return this.tokens.countDocuments({ userId, purpose, expiresAt: { $gt: now } }).exec();
  }

  /** Deletes every pending token of this purpose for the user (e.g. the other reset links, once one was used). */
  async discardOf(userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await this.tokens.deleteMany({ userId, purpose }).exec();
  }
}
