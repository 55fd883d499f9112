import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { QueuesModule } from '../infra/queues/queues.module';
import { MarkAllReadHandler } from './commands/mark-all-read/mark-all-read.handler';
import { MarkReadHandler } from './commands/mark-read/mark-read.handler';
import { UpdatePreferencesHandler } from './commands/update-preferences/update-preferences.handler';
import { DeliverNotificationProcessor } from './deliver/deliver-notification.processor';
import { CityNames } from './consumers/city-names';
import { NotificationFanOut } from './consumers/notification-fan-out.consumer';
import { NotificationsController } from './notifications.controller';
import { InboxRepository } from './persistence/inbox.repository';
import { NotificationPreferencesDocument, NotificationPreferencesSchema } from './persistence/notification-preferences.schema';
import { NotificationDocument, NotificationSchema } from './persistence/notification.schema';
import { PreferencesRepository } from './persistence/preferences.repository';
import { CountUnreadHandler } from './queries/count-unread/count-unread.handler';
import { GetPreferencesHandler } from './queries/get-preferences/get-preferences.handler';
import { NotifiedCities } from './queries/notified-cities/notified-cities';
import { NotifiedCitiesHandler } from './queries/notified-cities/notified-cities.handler';
import { RenderNotificationsHandler } from './queries/render-notifications/render-notifications.handler';
import { MutedTypesHandler } from './queries/muted-types/muted-types.handler';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { notificationsQueue } from './queue/notification-jobs';
import { NotificationQueue } from './queue/notification-queue';

export interface NotificationsOptions {
  /** The HTTP routes and the event handlers that enqueue deliveries (the API process). */
  api: boolean;
  /** The delivery processor (wherever workers run). */
  workers: boolean;
}

/** Inbox, preferences and delivery of notifications (SPEC §3, §4). */
@Module({})
export class NotificationsModule {
  static forRoot({ api, workers }: NotificationsOptions): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        QueuesModule.forFeature(notificationsQueue),
        MongooseModule.forFeature([
          { name: NotificationDocument.name, schema: NotificationSchema },
          { name: NotificationPreferencesDocument.name, schema: NotificationPreferencesSchema },
        ]),
      ],
      controllers: api ? [NotificationsController] : [],
      providers: [
        InboxRepository,
        PreferencesRepository,
        ...(api
          ? [
              NotificationQueue,
              CityNames,
              NotificationFanOut,
              NotifiedCities,
              NotifiedCitiesHandler,
              RenderNotificationsHandler,
              MutedTypesHandler,
              ListNotificationsHandler,
              CountUnreadHandler,
              MarkReadHandler,
              MarkAllReadHandler,
              GetPreferencesHandler,
              UpdatePreferencesHandler,
            ]
          : []),
        ...(workers ? [DeliverNotificationProcessor] : []),
      ],
    };
  }
}
