import type { NotificationMessage } from '../live/contracts';
import type { NotificationDocument } from './persistence/notification.schema';

/** An inbox item as the API and the live `notification` message show it. */
export interface NotificationView extends NotificationMessage {
  updatedAt: string;
  version: number;
}

export function toNotificationView(doc: NotificationDocument): NotificationView {
  return {
    id: doc._id,
    type: doc.type,
    title: doc.title,
    body: doc.body,
    link: { kind: doc.link.kind, id: doc.link.id },
    eventId: doc.eventId,
    createdAt: new Date(doc.createdAt).toISOString(),
    readAt: doc.readAt ? new Date(doc.readAt).toISOString() : null,
    updatedAt: new Date(doc.updatedAt).toISOString(),
    version: doc.version,
  };
}
