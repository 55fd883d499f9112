import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { deliverJobId, NOTIFICATIONS_QUEUE, NotificationJobs, type DeliverNotificationJob, type NotificationJobPayloads } from './notification-jobs';

/** The producer side of the notifications queue: typed, de-duplicated by job id. */
@Injectable()
export class NotificationQueue {
  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<NotificationJobPayloads[typeof NotificationJobs.deliver]>) {}

  /** Throws at once when Redis is down (fail-fast connection): the caller's event is then redelivered. */
  async deliver(jobs: DeliverNotificationJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map((data) => ({ name: NotificationJobs.deliver, data, opts: { jobId: deliverJobId(data.eventId, data.cityId) } })),
    );
  }
}
