import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MicroBatcher } from '../batching/micro-batcher';
import { deliverJobId, NOTIFICATIONS_QUEUE, NotificationJobs, type DeliverNotificationJob, type NotificationJobPayloads } from './notification-jobs';

/**
 * The producer side of the notifications queue: typed, de-duplicated by job id. The jobs of the
 * events handled while an `addBulk` is on its way go to Redis together in the next one (a burst of
 * events then costs a few round trips, not one each; a lone event goes at once).
 */
@Injectable()
export class NotificationQueue {
  private readonly batcher = new MicroBatcher<DeliverNotificationJob[], void>(async (groups) => {
    await this.queue.addBulk(
      groups.flat().map((data) => ({ name: NotificationJobs.deliver, data, opts: { jobId: deliverJobId(data.eventId, data.cityId) } })),
    );
    return groups.map(() => undefined);
  }, 50);

  constructor(@InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<NotificationJobPayloads[typeof NotificationJobs.deliver]>) {}

  /** Throws at once when Redis is down (fail-fast connection): the caller's event is then redelivered. */
  async deliver(jobs: DeliverNotificationJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.batcher.add(jobs);
  }
}
