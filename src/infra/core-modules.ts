import type { DynamicModule, Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggingModule } from '../common/logging/logging.module';
import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/app-config.module';
import { MongoModule } from './mongo/mongo.module';
import { RedisModule } from './redis/redis.module';

/** What every process (API and worker) is built on: settings, logs, MongoDB, Redis and the CQRS buses. */
export function coreModules(config: AppConfig): (DynamicModule | Type)[] {
  return [AppConfigModule.forRoot(config), LoggingModule, MongoModule, RedisModule, CqrsModule.forRoot()];
}
