import { EventConsumer, type EventClasses, type EventEnvelope } from '@app/events';
import { Inject, Injectable, type Type } from '@nestjs/common';
import { ReadCache } from './read-cache';

/**
 * The provider a module adds to keep the reads it caches true to the log: an instance consumer of
 * its events (`name`, e.g. `cities.read-cache`), so every instance handles every event of those
 * aggregates, whichever instance committed it (woken by the commit nudge, or by polling when Redis
 * is away).
 */
export function readCacheInvalidator(name: string, events: EventClasses): Type<unknown> {
  @Injectable()
  @EventConsumer({ name, events, scope: 'instance' })
  class ReadCacheInvalidator {
    constructor(@Inject(ReadCache) private readonly cache: ReadCache) {}

    handle(event: Pick<EventEnvelope, 'aggregateType' | 'aggregateId'>): void {
      this.cache.invalidate(event.aggregateType, event.aggregateId);
    }
  }
  return ReadCacheInvalidator;
}
