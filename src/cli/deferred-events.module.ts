import { EventDispatcher } from '@app/events/event-dispatcher';
import { EventsModule } from '@app/events/events.module';
import { type DynamicModule, Module } from '@nestjs/common';

/**
 * Leaves publishing to the server: events are stored with their change (outbox) but not claimed
 * or published by the script. The consumers (read models, notifications) live in the server, whose
 * relay publishes these events within a second, or when it next starts. A script that published
 * them itself would mark them dispatched with none of those consumers listening.
 */
const deferredDispatcher: Pick<EventDispatcher, 'dispatch' | 'dispatchOne' | 'redeliverLater'> = {
  dispatch: async () => 0,
  dispatchOne: async () => false,
  redeliverLater: async () => undefined,
};

/** `EventsModule.forRoot` for scripts: the same backbone, relay off, publishing left to the server. */
@Module({})
export class DeferredEventsModule {
  static forRoot(): DynamicModule {
    const root = EventsModule.forRoot({ relay: { enabled: false } });
    return {
      ...root,
      module: DeferredEventsModule,
      providers: (root.providers ?? []).map((provider) =>
        provider === EventDispatcher ? { provide: EventDispatcher, useValue: deferredDispatcher } : provider,
      ),
    };
  }
}
