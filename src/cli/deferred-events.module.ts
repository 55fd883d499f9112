import { EventsModule } from '@app/events';
import { type DynamicModule, Module } from '@nestjs/common';

/**
 * `EventsModule.forRoot` for scripts: the same backbone, with the relay off and no publishing after
 * commit. Events are stored with their change (outbox); the consumers (read models, notifications)
 * live in the server, whose relay publishes these events within a second, or when it next starts.
 * A script that published them itself would mark them dispatched with none of those consumers
 * listening.
 */
@Module({})
export class DeferredEventsModule {
  static forRoot(): DynamicModule {
    return { ...EventsModule.forRoot({ relay: { enabled: false }, publishAfterCommit: false }), module: DeferredEventsModule };
  }
}
