import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobProcessor, type JobHandlers } from '../../infra/queues/job-processor';
import { MAIL_QUEUE, MailJobs, mailQueue, type MailJobPayloads } from '../queue/mail-jobs';
import { DigestScheduler } from './digest-scheduler';
import { DigestSender } from './digest-sender';

/** Every 15 minutes: the digests due at 08:00 somewhere (a BullMQ job scheduler: one tick however many workers). */
export const DIGEST_TICK_PATTERN = '*/15 * * * *';

/** `mail.digest-tick` (scheduled) enqueues the due digests; `mail.digest` sends one. */
@Injectable()
export class DigestProcessor extends JobProcessor<MailJobPayloads> implements OnApplicationBootstrap {
  readonly queue = mailQueue;
  readonly handlers: JobHandlers<MailJobPayloads> = {
    [MailJobs.digestTick]: () => this.scheduler.tick(new Date()),
    [MailJobs.digest]: (job) => this.sender.send(job.data),
  };

  constructor(
    private readonly scheduler: DigestScheduler,
    private readonly sender: DigestSender,
    @InjectQueue(MAIL_QUEUE) private readonly mail: Queue,
  ) {
    super();
  }

  /**
   * Idempotent: every process with workers upserts the same scheduler. Not awaited: Redis down at
   * start must not stop the process (the scheduler is kept in Redis from any earlier start).
   */
  onApplicationBootstrap(): void {
    this.mail
      .upsertJobScheduler(MailJobs.digestTick, { pattern: DIGEST_TICK_PATTERN, tz: 'UTC' }, { name: MailJobs.digestTick, data: {} })
      .catch((error: Error) => new Logger(DigestProcessor.name).warn(`Digest schedule not registered: ${error.message}`));
  }
}
