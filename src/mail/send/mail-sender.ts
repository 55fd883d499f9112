import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import type { OutgoingMail } from '../contracts';
import { SentMailRepository } from '../persistence/sent-mail.repository';
import { Mailer } from '../transport/mailer';

export type SendOutcome = 'sent' | 'already-sent';

/**
 * Sends a mail at most once per key: the sent-mail record is read first and written once the
 * server accepted. A process that dies between the two sends it again on the job's retry (the
 * Message-ID is the same, derived from the key): at least once in that window, exactly once otherwise
 * (docs/decisions.md, "Mail").
 */
@Injectable()
export class MailSender {
  private readonly domain: string;

  constructor(
    private readonly mailer: Mailer,
    private readonly sent: SentMailRepository,
    config: AppConfig,
  ) {
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.env.MAIL_FROM)?.[1] ?? 'creative-cities.local';
  }

  wasSent(key: string): Promise<boolean> {
    return this.sent.wasSent(key);
  }

  async send(mail: OutgoingMail): Promise<SendOutcome> {
    if (await this.sent.wasSent(mail.key)) return 'already-sent';
    const messageId = `<${createHash('sha256').update(mail.key).digest('hex').slice(0, 32)}@${this.domain}>`;
    await this.mailer.send(mail, messageId);
    await this.sent.record(mail.key, mail.to, messageId, new Date());
    return 'sent';
  }
}
