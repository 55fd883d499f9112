import { EventConsumer, type EventHandlerOf } from '@app/events';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListMailRecipientsQuery, type MailRecipient } from '../../auth/contracts';
import { ListCitySummariesQuery } from '../../cities/contracts';
import {
  MutedTypesQuery,
  NotifiedCitiesQuery,
  RenderNotificationsQuery,
  type NotifiableEvent,
  type RenderRequest,
} from '../../notifications/contracts';
import { PRACTICE_EVENTS } from '../../practices/contracts';
import { PROJECT_EVENTS } from '../../projects/contracts';
import type { OutgoingMail } from '../contracts';
import { DigestEntryRepository, type NewDigestEntry } from '../persistence/digest-entry.repository';
import { MailQueue } from '../queue/mail-queue';
import { notificationMail } from '../templates/notification-mail';
import { UnsubscribeLinks } from '../unsubscribe/unsubscribe-links';
import { groupTitleOf } from './group-title';

const NOTIFYING_EVENTS = [...PROJECT_EVENTS, ...PRACTICE_EVENTS] as const;

/**
 * The e-mail channel of notifications (SPEC §3, §4): for each event, the cities it notifies (the
 * inbox's rules, muted types left out), then each of their users by their own cadence: `instant`
 * gets one e-mail in their language now; `daily` / `weekly` get an entry for their next digest.
 * Replay-safe: a mail's key is `notification:<event>:<user>` (sent once), a digest entry is unique
 * per user and event. Runs beside the inbox fan-out, so a slow or refusing SMTP server never delays
 * the inbox or the live push.
 */
@Injectable()
@EventConsumer({ name: 'mail.notifications', events: NOTIFYING_EVENTS })
export class NotificationMails implements EventHandlerOf<typeof NOTIFYING_EVENTS> {
  constructor(
    private readonly queries: QueryBus,
    private readonly queue: MailQueue,
    private readonly entries: DigestEntryRepository,
    private readonly links: UnsubscribeLinks,
  ) {}

  handle(event: NotifiableEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  async handleBatch(events: NotifiableEvent[]): Promise<void> {
    const notified = await this.queries.execute(new NotifiedCitiesQuery(events));
    const cityIds = [...new Set(notified.flat())];
    if (cityIds.length === 0) return;
    const [muted, users] = await Promise.all([
      this.queries.execute(new MutedTypesQuery(cityIds)),
      this.queries.execute(new ListMailRecipientsQuery(cityIds)),
    ]);
    const usersOf = new Map<string, MailRecipient[]>();
    for (const user of users) if (user.cityId && user.emailCadence !== 'off') usersOf.set(user.cityId, [...(usersOf.get(user.cityId) ?? []), user]);

    // Who reads what: one text per event, city and language, whatever the number of users.
    const deliveries = events.flatMap((event, i) =>
      notified[i]
        .filter((cityId) => !muted.get(cityId)?.has(event.type))
        .flatMap((cityId) => (usersOf.get(cityId) ?? []).map((user) => ({ event, cityId, user }))),
    );
    if (deliveries.length === 0) return;
    const textKey = (r: RenderRequest) => `${r.event.id}|${r.cityId}|${r.lang}`;
    const requests = new Map<string, RenderRequest>();
    for (const { event, cityId, user } of deliveries)
      requests.set(textKey({ event, cityId, lang: user.language }), { event, cityId, lang: user.language });
    const rendered = await this.queries.execute(new RenderNotificationsQuery([...requests.values()]));
    const texts = new Map([...requests.keys()].map((key, i) => [key, rendered[i]]));
    const names = new Map((await this.queries.execute(new ListCitySummariesQuery(cityIds))).map((c) => [c.id, c.name]));

    const mails: OutgoingMail[] = [];
    const digestEntries: NewDigestEntry[] = [];
    for (const { event, cityId, user } of deliveries) {
      const text = texts.get(textKey({ event, cityId, lang: user.language }))!;
      if (user.emailCadence === 'instant') {
        mails.push(
          notificationMail({
            key: `notification:${event.id}:${user.userId}`,
            to: user.email,
            lang: user.language,
            cityName: names.get(cityId) ?? cityId,
            ...text,
            links: this.links.linksFor(user.userId),
          }),
        );
      } else {
        digestEntries.push({
          userId: user.userId,
          eventId: event.id,
          type: event.type,
          ...text,
          groupTitle: groupTitleOf(event),
          at: new Date(event.at),
        });
      }
    }
    await Promise.all([this.queue.send(mails), this.entries.addOnce(digestEntries, new Date())]);
  }
}
