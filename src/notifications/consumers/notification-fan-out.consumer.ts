import { EventConsumer, type EventHandlerOf } from '@app/events';
import { Injectable } from '@nestjs/common';
import { PRACTICE_EVENTS } from '../../practices/contracts';
import { PROJECT_EVENTS } from '../../projects/contracts';
import type { NotifiableEvent } from '../domain/notifiable-event';
import { namedCities, renderNotification } from '../domain/notification-text';
import { NotifiedCities } from '../queries/notified-cities/notified-cities';
import type { DeliverNotificationJob } from '../queue/notification-jobs';
import { NotificationQueue } from '../queue/notification-queue';
import { CityNames } from './city-names';

const NOTIFYING_EVENTS = [...PROJECT_EVENTS, ...PRACTICE_EVENTS] as const;

/**
 * Turns each notifying event into one `notification.deliver` job per recipient city (SPEC §4);
 * a practice shared goes to every city of its field (about 60 in music), in the same bulk (cities
 * resolved by NotifiedCities, which the other channels ask through NotifiedCitiesQuery).
 * Replay-safe: job ids are `<eventId>@<cityId>` (BullMQ keeps a finished job's id for 24 h) and
 * the inbox has a unique (eventId, cityId) index, so an event handled twice makes one inbox item.
 * Muted types are left out by the delivery worker, which reads the city's current preferences.
 * Throws when the enqueue fails (Redis down): the runner retries the events.
 */
@Injectable()
@EventConsumer({ name: 'notifications.fan-out', events: NOTIFYING_EVENTS })
export class NotificationFanOut implements EventHandlerOf<typeof NOTIFYING_EVENTS> {
  constructor(
    private readonly queue: NotificationQueue,
    private readonly cityNames: CityNames,
    private readonly notifiedCities: NotifiedCities,
  ) {}

  handle(event: NotifiableEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /** A batch of events in one enqueue (one Redis round trip), names and fields looked up once. */
  async handleBatch(events: NotifiableEvent[]): Promise<void> {
    const cities = await this.notifiedCities.of(events);
    const notified = events.map((event, i) => ({ event, cityIds: cities[i] }));
    const names = await this.cityNames.lookup(notified.flatMap(({ event }) => namedCities(event)));
    const jobs: DeliverNotificationJob[] = notified.flatMap(({ event, cityIds }) =>
      cityIds.map((cityId) => ({
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
