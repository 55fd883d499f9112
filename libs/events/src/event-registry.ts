import { Injectable } from '@nestjs/common';
import { DomainEvent, type DomainEventClass, type EventClasses } from './define-event';
import type { EventEnvelope } from './event-envelope';
import { EventRegistrationError, InvalidEventPayloadError, UnknownEventTypeError } from './event-errors';

/**
 * Every event type the process knows, with its class and schema. Registration throws, so a type
 * registered twice or a class without a schema stops start-up with a message naming it.
 */
@Injectable()
export class EventRegistry {
  private readonly byType = new Map<string, DomainEventClass<any>>();

  register(classes: EventClasses): void {
    for (const cls of classes) {
      assertEventClass(cls);
      const existing = this.byType.get(cls.type);
      if (existing) {
        throw new EventRegistrationError(
          `Event type "${cls.type}" is registered twice` +
            (existing === cls ? '' : ' by two different classes') +
            ': register each event class once, in the module that owns its aggregate',
        );
      }
      this.byType.set(cls.type, cls);
    }
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  get(type: string): DomainEventClass<any> {
    const cls = this.byType.get(type);
    if (!cls) throw new UnknownEventTypeError(type);
    return cls;
  }

  types(): string[] {
    return [...this.byType.keys()];
  }

  /** Checks a payload against its type's schema and returns the parsed value (unknown keys stripped). */
  parse(type: string, data: unknown): unknown {
    const result = this.get(type).schema.safeParse(data);
    if (!result.success) {
      throw new InvalidEventPayloadError(
        type,
        result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`),
      );
    }
    return result.data;
  }

  /** The stored envelope as an instance of its class, which is what `@EventsHandler` routes on. */
  instantiate(envelope: EventEnvelope): DomainEvent {
    return new (this.get(envelope.type))(envelope);
  }
}

function assertEventClass(cls: DomainEventClass<any>): void {
  const label = (cls as { name?: string } | undefined)?.name || String(cls);
  if (typeof cls !== 'function' || !(cls.prototype instanceof DomainEvent)) {
    throw new EventRegistrationError(`${label} is not an event class: create it with defineEvent(type, aggregateType, schema)`);
  }
  if (typeof cls.type !== 'string' || cls.type.length === 0) {
    throw new EventRegistrationError(`Event class ${label} has no type`);
  }
  if (typeof cls.aggregateType !== 'string' || cls.aggregateType.length === 0) {
    throw new EventRegistrationError(`Event type "${cls.type}" has no aggregateType`);
  }
  if (!cls.schema || typeof (cls.schema as { safeParse?: unknown }).safeParse !== 'function') {
    throw new EventRegistrationError(`Event type "${cls.type}" has no schema: give defineEvent a zod schema of its payload`);
  }
}
