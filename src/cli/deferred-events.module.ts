import { EventsModule } from '@app/events';
import { type DynamicModule, Module } from '@nestjs/common';
import { PROJECT_EVENTS } from '../projects/contracts';

/**
 * `EventsModule.forRoot` for scripts: the same backbone with the consumers off. Events are stored
 * with their change; the server's consumers follow the log from their checkpoints and find them
 * within a poll (or when the server next starts). The rebuild script drives one consumer itself.
 * The project events are registered because the cities module's read model consumes them.
 */
@Module({})
export class DeferredEventsModule {
  static forRoot(): DynamicModule {
    return { ...EventsModule.forRoot({ events: PROJECT_EVENTS, consumers: { enabled: false } }), module: DeferredEventsModule };
  }
}
