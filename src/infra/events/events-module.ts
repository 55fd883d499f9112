import { EventsModule } from '@app/events';
import type { DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { RedisConnections } from '../redis/redis-connections';
import { RedisCommitNudge } from './redis-commit-nudge';

/** The event backbone as the API process runs it: consumers on, woken across instances through Redis. */
export function eventsModule(config: AppConfig): DynamicModule {
  const env = config.env;
  return EventsModule.forRoot({
    consumers: {
      pollIntervalMs: env.CONSUMER_POLL_INTERVAL_MS,
      leaseMs: env.CONSUMER_LEASE_MS,
      maxAttempts: env.CONSUMER_MAX_ATTEMPTS,
      stuckAfterMs: env.CONSUMER_STUCK_AFTER_MS,
    },
    nudge: { useFactory: (redis: RedisConnections) => new RedisCommitNudge(redis), inject: [RedisConnections] },
  });
}
