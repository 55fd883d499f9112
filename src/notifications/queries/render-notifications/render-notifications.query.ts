import { Query } from '@nestjs/cqrs';
import type { Lang } from '../../../shared/reference-data';
import type { NotifiableEvent } from '../../domain/notifiable-event';
import type { NotificationContent } from '../../domain/notification-text';

export interface RenderRequest {
  event: NotifiableEvent;
  /** The city that reads it: texts differ for the lead and the other partners. */
  cityId: string;
  lang: Lang;
}

/** The title, body and link of each notification, in the order asked, city names looked up once. */
export class RenderNotificationsQuery extends Query<NotificationContent[]> {
  constructor(readonly requests: readonly RenderRequest[]) {
    super();
  }
}
