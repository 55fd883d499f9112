import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { WEBHOOKS_QUEUE, WebhookJobs, type DeliverWebhookJob } from './webhook-jobs';

/** The producer side of the webhooks queue: typed, de-duplicated by job id. */
@Injectable()
export class WebhookQueue {
  constructor(@InjectQueue(WEBHOOKS_QUEUE) private readonly queue: Queue<DeliverWebhookJob>) {}

  /** Throws at once when Redis is down: the dispatcher's events are then redelivered. */
  async deliver(jobs: { jobId: string; data: DeliverWebhookJob }[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(jobs.map(({ jobId, data }) => ({ name: WebhookJobs.deliver, data, opts: { jobId } })));
  }
}
