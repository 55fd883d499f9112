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

  handle(event: ProjectEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /** A batch of events in one enqueue (one Redis round trip), names looked up once. */
  async handleBatch(events: ProjectEvent[]): Promise<void> {
    const notified = events.map((event) => ({ event, recipients: recipientsOf(event) }));
    const names = await this.cityNames.lookup(notified.flatMap(({ event }) => namedCities(event)));
    const jobs: DeliverNotificationJob[] = notified.flatMap(({ event, recipients }) =>
      recipients.kind !== 'cities'
        ? []
        : recipients.cityIds.map((cityId) => ({
            eventId: event.id,
            cityId,
            type: event.type,
            createdAt: new Date(event.at).toISOString(),
            ...renderNotification(event, cityId, names),
          })),
    );
    if (jobs.length > 0) await this.queue.deliver(jobs);
  }
}
