import type { z } from 'zod';
import type { EventEnvelope } from './event-envelope';

/**
 * A published domain event: the stored envelope as an instance of a class per event type, so that
 * `@EventsHandler(PartnerInvited)` of @nestjs/cqrs routes it. Created with `defineEvent`.
 */
export abstract class DomainEvent<T = unknown> implements EventEnvelope<T> {
  id!: string;
  seq!: number;
  type!: string;
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

export interface DomainEventClass<T = unknown> {
  new (envelope: EventEnvelope<T>): DomainEvent<T>;
  readonly type: string;
  readonly aggregateType: string;
  readonly schema: z.ZodType<T>;
}

/**
 * Declares an event type: its name, the aggregate it belongs to and the runtime schema of its
 * payload (checked before it is stored, so a malformed event never enters the log).
 */
export function defineEvent<T>(type: string, aggregateType: string, schema: z.ZodType<T>): DomainEventClass<T> {
  const cls = class extends DomainEvent<T> {
    static readonly type = type;
    static readonly aggregateType = aggregateType;
    static readonly schema = schema;
  };
  // A readable class name in logs and stack traces instead of an anonymous class.
  Object.defineProperty(cls, 'name', { value: type });
  return cls;
}
