import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { RedisConnections } from '../redis/redis-connections';
import type { QueueDefinition } from './queue-definition';
import { QueueDepths } from './queue-depths';
import { QueueLifecycle } from './queue-lifecycle';
import { QueueRegistry } from './queue-registry';
import { QueueWorkers } from './queue-workers';

export interface QueuesOptions {
  /** Run the workers of the registered queues in this process. */
  workers: boolean;
  /** The HTTP process: provide the queue depths its /metrics shows (ops/metrics reads them). */
  http: boolean;
}

/**
 * BullMQ for the whole process: one fail-fast producer connection shared by every queue (an
 * enqueue during a Redis outage throws at once, so the event that caused it is redelivered from
 * MongoDB later), the deployment key prefix (hash-tagged per queue on a cluster), and — where
 * enabled — the workers and the queue depths. Modules add their queues with `forFeature`. The Bull
 * Board dashboard is installed by src/bootstrap (it needs auth to tell admins, which infrastructure
 * must not import).
 */
@Global()
@Module({})
export class QueuesModule {
  static forRoot(options: QueuesOptions): DynamicModule {
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [RedisConnections],
          useFactory: (redis: RedisConnections) => ({ connection: redis.create('queues', { failFast: true }), prefix: redis.prefix }),
        }),
        ...(options.workers ? [DiscoveryModule] : []),
      ],
      providers: [QueueRegistry, QueueLifecycle, ...(options.workers ? [QueueWorkers] : []), ...(options.http ? [QueueDepths] : [])],
      exports: [QueueRegistry, ...(options.http ? [QueueDepths] : [])],
    };
  }

  /** Registers a queue: its BullMQ Queue (inject with `@InjectQueue(def.name)`) and its definition. */
  static forFeature(definition: QueueDefinition<any>): DynamicModule {
    const registration: Provider = {
      provide: Symbol(`queue:${definition.name}`),
      useFactory: (registry: QueueRegistry, queue: Queue) => {
        // A connection error before QueueLifecycle listens (a cluster slow to answer at start-up)
        // would be an 'error' event nobody handles; QueueLifecycle logs them from onModuleInit on.
        queue.on('error', () => undefined);
        return registry.register(definition);
      },
      inject: [QueueRegistry, getQueueToken(definition.name)],
    };
    return {
      module: QueueFeatureModule,
      imports: [
        BullModule.registerQueueAsync({
          name: definition.name,
          inject: [RedisConnections],
          useFactory: (redis: RedisConnections) => ({ prefix: redis.queuePrefix(definition.name), defaultJobOptions: definition.defaultJobOptions }),
        }),
      ],
      providers: [registration],
      exports: [BullModule],
    };
  }
}

@Module({})
export class QueueFeatureModule {}

export { getQueueToken };
