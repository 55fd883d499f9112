import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import type { MailLinks } from '../templates/links';

const SECRET_ID = 'mail.unsubscribe-secret';

/**
 * Signed one-click unsubscribe links (RFC 8058: no sign-in, so the link itself proves who it is
 * for). The key is random, kept in the `settings` collection so every instance signs alike; a
 * link never expires (mail is read late), and names only the user.
 */
@Injectable()
export class UnsubscribeLinks implements OnModuleInit {
  private key!: Buffer;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const settings = this.connection.collection<{ _id: string; value: string; createdAt: Date }>('settings');
    // Insert-if-absent, then read: instances starting together agree on the first one written.
    await settings.updateOne(
      { _id: SECRET_ID },
      { $setOnInsert: { value: randomBytes(32).toString('hex'), createdAt: new Date() } },
      { upsert: true },
    );
    const stored = await settings.findOne({ _id: SECRET_ID });
    this.key = Buffer.from(stored!.value, 'hex');
  }

  tokenFor(userId: string): string {
    return `${userId}.${this.sign(userId)}`;
  }

  /** The user a token is for, or null when it is not one we signed. */
  userOf(token: unknown): string | null {
    if (typeof token !== 'string' || token.length > 200) return null;
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return null;
    const userId = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.sign(userId));
    return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
  }

  linksFor(userId: string): MailLinks {
    const publicUrl = this.config.publicUrl;
    return {
      publicUrl,
      unsubscribe: `${publicUrl}/api/v1/mail/unsubscribe?token=${encodeURIComponent(this.tokenFor(userId))}`,
      preferences: `${publicUrl}/inbox/preferences`,
    };
  }

  private sign(userId: string): string {
    return createHmac('sha256', this.key).update(`unsubscribe:${userId}`).digest('base64url');
  }
}
