import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CitiesModule } from '../cities/cities.module';
import { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/app-config.module';
import { DemoModule } from '../demo/demo.module';
import { InsightModule } from '../insight/insight.module';
import { MailProjectionsModule } from '../mail/cities/mail-projections.module';
import { MongoModule } from '../infra/mongo/mongo.module';
import { PracticesModule } from '../practices/practices.module';
import { ProjectsModule } from '../projects/projects.module';
import { DeferredEventsModule } from './deferred-events.module';

/**
 * What the maintenance scripts need: the app's config and MongoDB connection, the CQRS buses, the
 * event backbone (storing events only: the server publishes them, see DeferredEventsModule), the
 * cities, projects and practices modules (each registers its own events), the demo seeder and the
 * read models of insight and mail (for rebuild:read-models). No
 * HTTP server, no Redis, no workers, no admin bootstrap.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(config),
        MongoModule,
        CqrsModule.forRoot(),
        DeferredEventsModule.forRoot(),
        CitiesModule,
        ProjectsModule,
        PracticesModule,
        DemoModule,
        // Their projections, so that rebuild:read-models finds them (controllers are ignored here).
        InsightModule,
        MailProjectionsModule,
      ],
    };
  }
}
