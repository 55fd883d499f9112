import { EventsModule } from '@app/events';
import { type DynamicModule, Module } from '@nestjs/common';

/**
 * `EventsModule.forRoot` for scripts: the same backbone with the consumers off. Events are stored
 * with their change; the server's consumers follow the log from their checkpoints and find them
 * within a poll (or when the server next starts). The rebuild script drives one consumer itself.
 * Each domain module the CLI imports registers its own events.
 */
@Module({})
export class DeferredEventsModule {
  static forRoot(): DynamicModule {
    return { ...EventsModule.forRoot({ consumers: { enabled: false } }), module: DeferredEventsModule };
  }
}
