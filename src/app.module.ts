import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CitiesModule } from './cities/cities.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { AppConfig } from './config/app-config';
import { DemoModule } from './demo/demo.module';
import { coreModules } from './infra/core-modules';
import { eventsModule } from './infra/events/events-module';
import { QueuesModule } from './infra/queues/queues.module';
import { LiveEmitterModule } from './live/emitter/live-emitter.module';
import { LiveModule } from './live/live.module';
import { NotificationsModule } from './notifications/notifications.module';
import { AuditModule } from './ops/audit/audit.module';
import { DeadLettersModule } from './ops/dead-letters/dead-letters.module';
import { HealthModule } from './ops/health/health.module';
import { MetricsModule } from './ops/metrics/metrics.module';
import { PracticesModule } from './practices/practices.module';
import { ProjectsModule } from './projects/projects.module';
import { InsightModule } from './insight/insight.module';
import { MailModule } from './mail/mail.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface AppOptions {
  /** Run the BullMQ workers in this process (npm start); false for an API-only instance. */
  workers: boolean;
}

/** The HTTP + WebSocket application. The worker process (worker.ts) uses WorkerModule instead. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...coreModules(config),
        eventsModule(config),
        MetricsModule,
        HealthModule,
        DeadLettersModule,
        AuditModule,
        IdempotencyModule,
        AuthModule,
        CitiesModule,
        ProjectsModule,
        PracticesModule,
        DemoModule, // after CitiesModule: SEED_DEMO plays the demo once the seed cities are loaded
        QueuesModule.forRoot({ workers: options.workers, http: true }),
        LiveEmitterModule,
        LiveModule,
        NotificationsModule.forRoot({ api: true, workers: options.workers }),
        MailModule.forRoot({ api: true, workers: options.workers }),
        WebhooksModule.forRoot({ api: true, workers: options.workers }),
        InsightModule,
      ],
    };
  }
}
