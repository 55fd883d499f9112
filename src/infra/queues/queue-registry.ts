import { Injectable } from '@nestjs/common';
import type { AnyQueueDefinition as QueueDefinition } from './queue-definition';

/** The queues this process knows (registered by `QueuesModule.forFeature`), for the start-up check, metrics and the dashboard. */
@Injectable()
export class QueueRegistry {
  private readonly byName = new Map<string, QueueDefinition>();

  register(definition: QueueDefinition): void {
    const existing = this.byName.get(definition.name);
    if (existing && existing !== definition) throw new Error(`Queue "${definition.name}" is defined twice`);
    this.byName.set(definition.name, definition);
  }

  all(): QueueDefinition[] {
    return [...this.byName.values()];
  }
}
