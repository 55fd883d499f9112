import { DynamicModule, Module } from '@nestjs/common';
import { UserDirectoryModule } from './auth/directory/user-directory.module';
import { AppConfig } from './config/app-config';
import { coreModules } from './infra/core-modules';
import { QueuesModule } from './infra/queues/queues.module';
import { LiveEmitterModule } from './live/emitter/live-emitter.module';
import { MailModule } from './mail/mail.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/**
 * The worker process (worker.ts): the BullMQ processors, no HTTP and no Socket.IO server. Live
 * pushes go through Redis to the API instances' Socket.IO adapters.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...coreModules(config),
        QueuesModule.forRoot({ workers: true, http: false }),
        LiveEmitterModule,
        UserDirectoryModule, // the users the mail channel reads (digests)
        NotificationsModule.forRoot({ api: false, workers: true }),
        MailModule.forRoot({ api: false, workers: true }),
        WebhooksModule.forRoot({ api: false, workers: true }),
      ],
    };
  }
}
