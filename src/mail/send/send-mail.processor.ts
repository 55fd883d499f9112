import { Injectable } from '@nestjs/common';
import { JobProcessor, type JobHandlers } from '../../infra/queues/job-processor';
import { MailJobs, mailQueue, type MailJobPayloads } from '../queue/mail-jobs';
import { MailSender } from './mail-sender';

/** `mail.send`: one rendered mail, once per key; a refusal throws and BullMQ retries with backoff. */
@Injectable()
export class SendMailProcessor extends JobProcessor<MailJobPayloads> {
  readonly queue = mailQueue;
  readonly handlers: JobHandlers<MailJobPayloads> = {
    [MailJobs.send]: (job) => this.sender.send(job.data),
  };

  constructor(private readonly sender: MailSender) {
    super();
  }
}
