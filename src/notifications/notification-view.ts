import { ApiProperty } from '@nestjs/swagger';
import type { NotificationMessage } from '../live/contracts';
import { NOTIFIED_TYPES } from './domain/notification-types';
import type { NotificationDocument } from './persistence/notification.schema';

/** What an inbox item is about, for the client to open it. */
export class NotificationLinkView {
  @ApiProperty({ enum: ['project', 'practice', 'exchange'] }) kind!: string;
  @ApiProperty({ description: 'The id of that project, practice or exchange' }) id!: string;
}

/** An inbox item as the API and the live `notification` message show it. */
export class NotificationView implements NotificationMessage {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: NOTIFIED_TYPES, description: 'The type of the event that made it (docs/events.md)' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: NotificationLinkView }) link!: NotificationLinkView;
  @ApiProperty({ description: 'The event that made it' }) eventId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until the item is read' }) readAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
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
