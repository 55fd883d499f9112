import type { z } from 'zod';
import type { EventEnvelope } from './event-envelope';

/**
 * A stored domain event as an instance of a class per event type, created with `defineEvent`.
 * `Type` is the literal event type, so a union of these narrows on `event.type`.
 */
export abstract class DomainEvent<T = unknown, Type extends string = string> implements EventEnvelope<T> {
  id!: string;
  seq!: number;
  type!: Type;
  aggregateType!: string;
  aggregateId!: string;
  actor!: EventEnvelope['actor'];
  correlationId!: string;
  causationId!: string | null;
  at!: Date;
  data!: T;

  constructor(envelope: EventEnvelope<T>) {
    Object.assign(this, envelope);
  }
}

export interface DomainEventClass<T = unknown, Type extends string = string> {
  new (envelope: EventEnvelope<T>): DomainEvent<T, Type>;
  readonly type: Type;
  readonly aggregateType: string;
  readonly schema: z.ZodType<T>;
}

/**
 * Declares an event type from its one definition, the zod schema of its payload: the payload type,
 * the class and its literal `type` are all derived from it. The schema is checked before an event
 * is stored, so a malformed event never enters the log.
 */
export function defineEvent<const Type extends string, S extends z.ZodType>(
  type: Type,
  aggregateType: string,
  schema: S,
): DomainEventClass<z.output<S>, Type> {
  const cls = class extends DomainEvent<z.output<S>, Type> {
    static readonly type = type;
    static readonly aggregateType = aggregateType;
    static readonly schema = schema;
  };
  // A readable class name in logs and stack traces instead of an anonymous class.
  Object.defineProperty(cls, 'name', { value: type });
  return cls as unknown as DomainEventClass<z.output<S>, Type>;
}

/** Any list of event classes (a module's `PROJECT_EVENTS`, a consumer's subscription). */
export type EventClasses = readonly DomainEventClass<any, string>[];

/** The discriminated union of the events of `C`: narrow it with `switch (event.type)`. */
export type EventUnion<C extends EventClasses> = InstanceType<C[number]>;

/** Event type → payload of `C`: the `E` of `AggregateRoot<E>`. */
export type EventMapOf<C extends EventClasses> = { [K in C[number] as K['type']]: z.output<K['schema']> };

/** The payload of one event class. */
export type PayloadOf<C extends DomainEventClass<any, string>> = z.output<C['schema']>;
