import { CAPPED_EXPONENTIAL, defineQueue, jobIdOf } from '../../infra/queues/queue-definition';
import type { OutgoingMail } from '../contracts';

export const MAIL_QUEUE = 'mail';

/** Job names of the mail queue (docs/events.md lists them with their payloads). */
export const MailJobs = {
  /** Send one rendered mail, once per key. */
  send: 'mail.send',
  /** Send one user's digest of what arrived since the previous one (nothing when empty). */
  digest: 'mail.digest',
  /** Every 15 minutes (a BullMQ job scheduler): enqueue the digests due at 08:00 local time. */
  digestTick: 'mail.digest-tick',
} as const;

export type DigestPeriod = 'daily' | 'weekly';

export interface DigestJob {
  userId: string;
  period: DigestPeriod;
  /** What makes this digest one of a kind: the city's local date when scheduled, `run-<id>` when forced. */
  slot: string;
}

export type MailJobPayloads = {
  [MailJobs.send]: OutgoingMail;
  [MailJobs.digest]: DigestJob;
  [MailJobs.digestTick]: Record<string, never>;
};

export const mailQueue = defineQueue<MailJobPayloads>(MAIL_QUEUE, [MailJobs.send, MailJobs.digest, MailJobs.digestTick]);

/**
 * An SMTP server may refuse for hours: each delay doubles from MAIL_RETRY_DELAY_MS up to 10 minutes;
 * 150 attempts last about a day (from 5 s) before a job is given up as failed (and kept a week).
 */
export const mailRetry = (delay: number) => ({ attempts: 150, backoff: { type: CAPPED_EXPONENTIAL, delay } });

export const sendJobId = (key: string) => jobIdOf('send', key);
export const digestJobId = (job: DigestJob) => jobIdOf('digest', job.userId, job.period, job.slot);
