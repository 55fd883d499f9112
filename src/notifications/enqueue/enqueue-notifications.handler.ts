import type { DomainEvent } from '@app/events';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { PROJECT_EVENTS } from '../../projects/contracts';
import { namedCities, renderNotification } from '../domain/notification-text';
import { recipientsOf } from '../domain/recipients';
import type { DeliverNotificationJob } from '../queue/notification-jobs';
import { NotificationQueue } from '../queue/notification-queue';
import { CityNames } from './city-names';

/**
 * Turns each notifying event into one `notification.deliver` job per recipient city (SPEC §4).
 * Idempotent (job ids come from the event and the city) and throws when the enqueue fails, so the
 * event is redelivered from MongoDB once Redis is back.
 */
@EventsHandler(...PROJECT_EVENTS)
export class EnqueueNotificationsHandler implements IEventHandler<DomainEvent> {
  constructor(
    private readonly queue: NotificationQueue,
    private readonly cityNames: CityNames,
  ) {}

  async handle(event: DomainEvent): Promise<void> {
    const recipients = recipientsOf(event);
    // Field-wide recipients (PracticeShared) are resolved here once the practices module exists.
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
