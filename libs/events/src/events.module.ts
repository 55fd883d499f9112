import { Global, Module, type DynamicModule, type FactoryProvider, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { EventClasses } from './define-event';
import { EventLog } from './event-log';
import { EventRegistry } from './event-registry';
import { EventStore } from './event-store';
import { COMMIT_NUDGE, EVENTS_OPTIONS, resolveEventsOptions, type CommitNudge, type EventsModuleOptions } from './events.options';
import { GetAggregateEventsHandler } from './queries/get-aggregate-events.handler';
import { CommitSignal } from './subscriptions/commit-signal';
import { DeadLetterStore } from './subscriptions/dead-letter-store';
import { SubscriptionStore } from './subscriptions/subscription-store';
import { Subscriptions } from './subscriptions/subscriptions';
import { UnitOfWork } from './unit-of-work';

export interface EventsModuleRootOptions extends EventsModuleOptions {
  /** Wakes other processes' consumers on commit (e.g. Redis pub/sub); see `CommitNudge`. */
  nudge?: Omit<FactoryProvider<CommitNudge>, 'provide'>;
}

/**
 * The durable event backbone. Import `EventsModule.forRoot()` once in the root module, after
 * `CqrsModule.forRoot()` and `MongooseModule.forRoot(uri)` (it uses that default connection); each
 * domain module registers the events it owns with `forFeature`, and its consumers with
 * `@EventConsumer` on a provider.
 */
@Global()
@Module({})
export class EventsModule {
  static forRoot(options: EventsModuleRootOptions = {}): DynamicModule {
    const nudge: Provider[] = options.nudge ? [{ provide: COMMIT_NUDGE, ...options.nudge }] : [];
    return {
      module: EventsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: EVENTS_OPTIONS, useValue: resolveEventsOptions(options) },
        {
          provide: EventRegistry,
          useFactory: () => {
            const registry = new EventRegistry();
            registry.register(options.events ?? []);
            return registry;
          },
        },
        ...nudge,
        EventStore,
        EventLog,
        CommitSignal,
        UnitOfWork,
        SubscriptionStore,
        DeadLetterStore,
        Subscriptions,
        GetAggregateEventsHandler,
      ],
      exports: [EVENTS_OPTIONS, EventRegistry, EventStore, EventLog, CommitSignal, UnitOfWork, Subscriptions],
    };
  }

  /** Registers a module's event classes; start-up fails if a type is registered twice or has no schema. */
  static forFeature(events: EventClasses): DynamicModule {
    const registration: Provider = {
      provide: Symbol(`events:${events.map((e) => e?.type).join(',')}`),
      useFactory: (registry: EventRegistry) => {
        registry.register(events);
        return events;
      },
      inject: [EventRegistry],
    };
    return { module: EventsFeatureModule, providers: [registration] };
  }
}

/** Host of one `forFeature` registration (a separate class so it never re-instantiates the root). */
@Module({})
export class EventsFeatureModule {}
