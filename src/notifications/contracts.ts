/**
 * The notifications module's public surface: the only file other modules may import from
 * `src/notifications`. The other delivery channels (mail, webhooks) follow the same rules of who is told.
 */
export type { NotifiableEvent, NotifiableType } from './domain/notifiable-event';
export { NOTIFIED_TYPES, isNotifiedType, type NotifiedType } from './domain/notification-types';
export { NotifiedCitiesQuery } from './queries/notified-cities/notified-cities.query';
export type { NotificationContent } from './domain/notification-text';
export { RenderNotificationsQuery, type RenderRequest } from './queries/render-notifications/render-notifications.query';
export { MutedTypesQuery } from './queries/muted-types/muted-types.query';
