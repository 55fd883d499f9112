import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { JobProcessor, type JobHandlers } from '../../infra/queues/job-processor';
import { LiveServerMessages, PushToCityCommand } from '../../live/contracts';
import { toNotificationView } from '../notification-view';
import { InboxRepository } from '../persistence/inbox.repository';
import { PreferencesRepository } from '../persistence/preferences.repository';
import { NotificationJobs, notificationsQueue, type DeliverNotificationJob, type NotificationJobPayloads } from '../queue/notification-jobs';

export type DeliveryOutcome = 'delivered' | 'duplicate' | 'muted';

/**
 * `notification.deliver`: skips a type the city muted, writes the inbox item once (the unique
 * (eventId, cityId) index turns a second write into a no-op) and pushes it live to the city's room.
 */
@Injectable()
export class DeliverNotificationProcessor extends JobProcessor<NotificationJobPayloads> {
  readonly queue = notificationsQueue;
  override readonly concurrency: number;
  readonly handlers: JobHandlers<NotificationJobPayloads> = {
    [NotificationJobs.deliver]: (job) => this.deliver(job),
  };

  constructor(
    private readonly inbox: InboxRepository,
    private readonly preferences: PreferencesRepository,
    private readonly commands: CommandBus,
    config: AppConfig,
  ) {
    super();
    this.concurrency = config.env.NOTIFICATION_CONCURRENCY;
  }

  async deliver(job: Pick<Job<DeliverNotificationJob>, 'data' | 'attemptsStarted'>): Promise<DeliveryOutcome> {
    const { eventId, cityId, type, title, body, link, createdAt } = job.data;
    if (await this.preferences.isMuted(cityId, type)) return 'muted';
    const created = await this.inbox.insertOnce({ eventId, cityId, type, title, body, link, createdAt: new Date(createdAt) });
    // A duplicate on a retry of this job may be our own earlier insert whose push failed: push it
    // again (clients drop an id they have). On a first attempt it was delivered by an earlier job.
    const item = created ?? (job.attemptsStarted > 1 ? await this.inbox.findByEvent(eventId, cityId) : null);
    if (item) await this.commands.execute(new PushToCityCommand(cityId, LiveServerMessages.notification, toNotificationView(item)));
    return created ? 'delivered' : 'duplicate';
  }
}
