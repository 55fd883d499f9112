import { EventConsumer, type EventHandlerOf, type EventUnion } from '@app/events';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { NotifiedCitiesQuery } from '../../notifications/contracts';
import type { NewDelivery } from '../persistence/delivery.repository';
import { DeliveryRepository } from '../persistence/delivery.repository';
import type { WebhookDocument } from '../persistence/webhook.schema';
import { WebhookRepository } from '../persistence/webhook.repository';
import { deliverJobId } from '../queue/webhook-jobs';
import { WebhookQueue } from '../queue/webhook-queue';
import { WEBHOOK_EVENTS } from '../webhook-events';

type WebhookEvent = EventUnion<typeof WEBHOOK_EVENTS>;

/**
 * Turns each event into one `webhook.deliver` job per webhook that follows its type: a city's
 * webhook when the city is told of the event (SPEC §4, asked through NotifiedCitiesQuery), the
 * network's for every event. A webhook gets the events that happened since it was created, not
 * the history a lagging consumer catches up on.
 * Replay-safe: the delivery log entry is keyed by (event, webhook) and the job id is
 * `<eventId>@<webhookId>`, so an event handled twice makes one delivery.
 */
@Injectable()
@EventConsumer({ name: 'webhooks.dispatch', events: WEBHOOK_EVENTS })
export class WebhookDispatch implements EventHandlerOf<typeof WEBHOOK_EVENTS> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queue: WebhookQueue,
    private readonly queries: QueryBus,
  ) {}

  handle(event: WebhookEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  async handleBatch(events: WebhookEvent[]): Promise<void> {
    const following = await this.webhooks.following([...new Set(events.map((e) => e.type))]);
    if (following.length === 0) return;
    const needCities = following.some((w) => w.cityId !== null);
    const cities = needCities ? await this.queries.execute(new NotifiedCitiesQuery(events)) : events.map(() => []);
    const wanted: NewDelivery[] = events.flatMap((event, i) =>
      following
        .filter((webhook) => follows(webhook, event, cities[i]))
        .map((webhook) => ({
          key: deliverJobId(event.id, webhook._id),
          webhookId: webhook._id,
          eventId: event.id,
          type: event.type,
          body: JSON.stringify({ id: event.id, type: event.type, at: new Date(event.at).toISOString(), data: event.data }),
        })),
    );
    const ids = await this.deliveries.ensure(wanted);
    await this.queue.deliver(wanted.map((d) => ({ jobId: d.key, data: { deliveryId: ids.get(d.key)! } })));
  }
}

function follows(webhook: WebhookDocument, event: WebhookEvent, notifiedCities: readonly string[]): boolean {
  if (!webhook.events.includes(event.type)) return false;
  if (new Date(event.at).getTime() < new Date(webhook.createdAt).getTime()) return false;
  return webhook.cityId === null || notifiedCities.includes(webhook.cityId);
}
