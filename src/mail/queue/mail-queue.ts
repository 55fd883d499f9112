import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import type { OutgoingMail } from '../contracts';
import { digestJobId, MAIL_QUEUE, MailJobs, mailRetry, sendJobId, type DigestJob } from './mail-jobs';

/** The producer side of the mail queue: typed, de-duplicated by job id (the mail's key). */
@Injectable()
export class MailQueue {
  private readonly retry: ReturnType<typeof mailRetry>;

  constructor(
    @InjectQueue(MAIL_QUEUE) private readonly queue: Queue,
    config: AppConfig,
  ) {
    this.retry = mailRetry(config.env.MAIL_RETRY_DELAY_MS);
  }

  /** Throws when Redis is down: the caller (an event consumer, a command) is retried or answers 503. */
  async send(mails: OutgoingMail[]): Promise<void> {
    if (mails.length === 0) return;
    await this.queue.addBulk(mails.map((data) => ({ name: MailJobs.send, data, opts: { jobId: sendJobId(data.key), ...this.retry } })));
  }

  async digests(jobs: DigestJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(jobs.map((data) => ({ name: MailJobs.digest, data, opts: { jobId: digestJobId(data), ...this.retry } })));
  }
}
