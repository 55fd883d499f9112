import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { EventClasses } from './define-event';
import { EventDispatcher } from './event-dispatcher';
import { EventLog } from './event-log';
import { EventRegistry } from './event-registry';
import { EventRelay } from './event-relay';
import { EventStore } from './event-store';
import { EVENTS_OPTIONS, resolveEventsOptions, type EventsModuleOptions } from './events.options';
import { HandlerFailureRedelivery } from './handler-failure-redelivery';
import { GetAggregateEventsHandler } from './queries/get-aggregate-events.handler';
import { RelayLease } from './relay-lease';
import { UnitOfWork } from './unit-of-work';

/**
 * The durable event backbone. Import `EventsModule.forRoot()` once in the root module, after
 * `CqrsModule.forRoot()` and `MongooseModule.forRoot(uri)` (it uses that default connection and the
 * global EventBus); each domain module registers the events it owns with `forFeature`.
 */
@Global()
@Module({})
export class EventsModule {
  static forRoot(options: EventsModuleOptions = {}): DynamicModule {
    return {
      module: EventsModule,
      global: true,
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
        EventStore,
        EventDispatcher,
        HandlerFailureRedelivery,
        RelayLease,
        EventRelay,
        UnitOfWork,
        EventLog,
        GetAggregateEventsHandler,
      ],
      exports: [EVENTS_OPTIONS, EventRegistry, EventStore, EventDispatcher, EventRelay, UnitOfWork, EventLog],
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
