import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggingModule } from './common/logging/logging.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { MongoModule } from './infra/mongo/mongo.module';
import { QueuesModule } from './infra/queues/queues.module';
import { RedisModule } from './infra/redis/redis.module';
import { LiveEmitterModule } from './live/emitter/live-emitter.module';
import { NotificationsModule } from './notifications/notifications.module';

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
        AppConfigModule.forRoot(config),
        LoggingModule,
        MongoModule,
        RedisModule,
        CqrsModule.forRoot(),
        QueuesModule.forRoot({ workers: true, http: false }),
        LiveEmitterModule,
        NotificationsModule.forRoot({ api: false, workers: true }),
      ],
    };
  }
}
