import { SetMetadata } from '@nestjs/common';
import type { mongo } from 'mongoose';
import type { EventClasses, EventUnion } from '../define-event';

/**
 * Where a consumer runs. `shared`: one runner across every instance (a lease in MongoDB), with its
 * checkpoint stored, so each event is handled once per consumer even across restarts. `instance`:
 * every process runs it from the head of the log, for effects that belong to the process (pushing
 * to its own sockets); nothing is stored.
 */
export type ConsumerScope = 'shared' | 'instance';

export interface EventConsumerDefinition<C extends EventClasses = EventClasses> {
  /** Unique and stable: it names the checkpoint, lease, metrics and dead letters. */
  name: string;
  /** The event classes it subscribes to (their union is what `handle` receives). */
  events: C;
  scope?: ConsumerScope;
  /**
   * A read model that can be rebuilt from the log: the runner hands `handle` the collection to
   * write to (the live one, or a fresh one during a rebuild, swapped in when caught up).
   */
  projection?: { collection: string };
}

/** What a handler gets besides the event. */
export interface HandlerContext {
  /** The collection a projection writes to (live, or the rebuild's); undefined for other consumers. */
  collection?: mongo.Collection;
  /** True while a projection is rebuilt from the log. */
  rebuilding: boolean;
}

/**
 * A consumer of domain events. `handle` must be idempotent (delivery is at least once) and throw
 * when its effect failed: the event is then retried with backoff, then parked as a dead letter.
 */
export interface EventHandlerOf<C extends EventClasses> {
  handle(event: EventUnion<C>, context: HandlerContext): Promise<void> | void;
  /**
   * Optional: several events at once, in seq order (e.g. one Redis round trip for a whole batch).
   * When it throws, the runner falls back to `handle` one by one to find the failing event, so
   * everything before it is handled again: the same idempotency applies.
   */
  handleBatch?(events: EventUnion<C>[], context: HandlerContext): Promise<void>;
}

export const EVENT_CONSUMER = Symbol('EVENT_CONSUMER');

/**
 * Registers a provider as a consumer of the event log: `@EventConsumer({ name, events })` on a
 * class implementing `EventHandlerOf<typeof EVENTS>`. Discovered at start-up by `Subscriptions`.
 */
export const EventConsumer = <C extends EventClasses>(definition: EventConsumerDefinition<C>): ClassDecorator =>
  SetMetadata(EVENT_CONSUMER, definition);
