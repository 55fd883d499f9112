import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { JobProcessor, type JobHandlers } from '../../infra/queues/job-processor';
import { LiveServerMessages, PushToCityCommand } from '../../live/contracts';
import { toNotificationView } from '../notification-view';
import { InboxRepository } from '../persistence/inbox.repository';
import type { NotificationDocument } from '../persistence/notification.schema';
import { PreferencesRepository } from '../persistence/preferences.repository';
import { NotificationJobs, notificationsQueue, type DeliverNotificationJob, type NotificationJobPayloads } from '../queue/notification-jobs';
import { MicroBatcher } from '../batching/micro-batcher';

export type DeliveryOutcome = 'delivered' | 'duplicate' | 'muted';
type Delivery = Pick<Job<DeliverNotificationJob>, 'data' | 'attemptsStarted'>;

/**
 * `notification.deliver`: skips a type the city muted, writes the inbox item once (the unique
 * (eventId, cityId) index turns a second write into a no-op) and pushes it live to the city's room.
 * Jobs running together share their MongoDB round trips (MicroBatcher); each still completes or
 * fails on its own.
 */
@Injectable()
export class DeliverNotificationProcessor extends JobProcessor<NotificationJobPayloads> {
  readonly queue = notificationsQueue;
  override readonly concurrency: number;
  readonly handlers: JobHandlers<NotificationJobPayloads> = {
    [NotificationJobs.deliver]: (job) => this.deliver(job),
  };
  private readonly batcher = new MicroBatcher<Delivery, DeliveryOutcome>((batch) => this.deliverBatch(batch));

  constructor(
    private readonly inbox: InboxRepository,
    private readonly preferences: PreferencesRepository,
    private readonly commands: CommandBus,
    config: AppConfig,
  ) {
    super();
    this.concurrency = config.env.NOTIFICATION_CONCURRENCY;
  }

  deliver(job: Delivery): Promise<DeliveryOutcome> {
    return this.batcher.add(job);
  }

  private async deliverBatch(batch: Delivery[]): Promise<(DeliveryOutcome | Error)[]> {
    const muted = await this.preferences.mutedTypesOf(batch.map((j) => j.data.cityId));
    const isMuted = ({ data }: Delivery) => muted.get(data.cityId)?.has(data.type) ?? false;
    const toWrite = batch.filter((j) => !isMuted(j));
    const written = await this.inbox.insertManyOnce(
      toWrite.map(({ data: { eventId, cityId, type, title, body, link, createdAt } }) => ({
        eventId,
        cityId,
        type,
        title,
        body,
        link,
        createdAt: new Date(createdAt),
      })),
    );
    const outcomes = new Map<Delivery, Promise<DeliveryOutcome | Error>>();
    toWrite.forEach((job, i) => outcomes.set(job, this.push(job, written[i])));
    return Promise.all(batch.map((job) => outcomes.get(job) ?? ('muted' as const)));
  }

  private async push(job: Delivery, written: NotificationDocument | null | Error): Promise<DeliveryOutcome | Error> {
    if (written instanceof Error) return written;
    const { eventId, cityId } = job.data;
    try {
      // A duplicate on a retry of this job may be our own earlier insert whose push failed: push it
      // again (clients drop an id they have). On a first attempt an earlier job delivered it.
      const item = written ?? (job.attemptsStarted > 1 ? await this.inbox.findByEvent(eventId, cityId) : null);
      if (item) await this.commands.execute(new PushToCityCommand(cityId, LiveServerMessages.notification, toNotificationView(item)));
      return written ? 'delivered' : 'duplicate';
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }
}
