import { defineQueue, jobIdOf } from '../../infra/queues/queue-definition';

export const NOTIFICATIONS_QUEUE = 'notifications';

/** Job names of the notifications queue (docs/events.md lists them with their payloads). */
export const NotificationJobs = {
  /** Write one inbox item for one city and push it live. */
  deliver: 'notification.deliver',
} as const;

/** The inbox item to write, rendered when the event was handled. */
export interface DeliverNotificationJob {
  eventId: string;
  cityId: string;
  /** The event type, e.g. `PartnerInvited` (what a city may mute). */
  type: string;
  title: string;
  body: string;
  link: { kind: string; id: string };
  /** When the event happened (ISO 8601): the item's `createdAt`. */
  createdAt: string;
}

export type NotificationJobPayloads = {
  [NotificationJobs.deliver]: DeliverNotificationJob;
};

export const notificationsQueue = defineQueue<NotificationJobPayloads>(NOTIFICATIONS_QUEUE, [NotificationJobs.deliver]);

/** One job per event and city: a redelivered event finds its job and adds nothing. */
export const deliverJobId = (eventId: string, cityId: string) => jobIdOf(eventId, cityId);
