import { EventConsumer, type EventHandlerOf } from '@app/events';
import { Injectable } from '@nestjs/common';
import { PROJECT_EVENTS, type ProjectEvent } from '../../projects/contracts';
import { namedCities, renderNotification } from '../domain/notification-text';
import { recipientsOf } from '../domain/recipients';
import type { DeliverNotificationJob } from '../queue/notification-jobs';
import { NotificationQueue } from '../queue/notification-queue';
import { CityNames } from './city-names';

/**
 * Turns each notifying event into one `notification.deliver` job per recipient city (SPEC §4).
 * Replay-safe: job ids are `<eventId>@<cityId>` (BullMQ keeps a finished job's id for 24 h) and
 * the inbox has a unique (eventId, cityId) index, so an event handled twice makes one inbox item.
 * Throws when the enqueue fails (Redis down): the runner retries the event.
 */
@Injectable()
@EventConsumer({ name: 'notifications.fan-out', events: PROJECT_EVENTS })
export class NotificationFanOut implements EventHandlerOf<typeof PROJECT_EVENTS> {
  constructor(
    private readonly queue: NotificationQueue,
    private readonly cityNames: CityNames,
  ) {}

  async handle(event: ProjectEvent): Promise<void> {
    const recipients = recipientsOf(event);
    if (recipients.kind !== 'cities' || recipients.cityIds.length === 0) return;
    const names = await this.cityNames.lookup(namedCities(event));
    const createdAt = new Date(event.at).toISOString();
    const jobs: DeliverNotificationJob[] = recipients.cityIds.map((cityId) => ({
      eventId: event.id,
      cityId,
      type: event.type,
      createdAt,
      ...renderNotification(event, cityId, names),
    }));
    await this.queue.deliver(jobs);
  }
}
