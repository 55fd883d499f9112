import { z } from 'zod';
import {
  DomainEvent,
  defineEvent,
  EventRegistrationError,
  EventRegistry,
  InvalidEventPayloadError,
  UnknownEventTypeError,
  type DomainEventClass,
} from '../src';
import { CityRegistered, PartnerInvited, ProjectProposed } from './fixtures';

describe('EventRegistry', () => {
  it('maps each type to its class and instantiates stored envelopes as that class', () => {
    const registry = new EventRegistry();
    registry.register([ProjectProposed, PartnerInvited]);
    expect(registry.types().sort()).toEqual(['PartnerInvited', 'ProjectProposed']);
    const event = registry.instantiate({
      id: 'e1',
      seq: 7,
      type: 'PartnerInvited',
      aggregateType: 'project',
      aggregateId: 'p1',
      actor: { userId: null, cityId: null },
      correlationId: 'c',
      causationId: null,
      at: new Date(0),
      data: { cityId: 'x' },
    });
    expect(event).toBeInstanceOf(PartnerInvited);
    expect(event).toBeInstanceOf(DomainEvent);
    expect(event.seq).toBe(7);
    expect(event.data).toEqual({ cityId: 'x' });
  });

  it('refuses a type registered twice, naming it', () => {
    const registry = new EventRegistry();
    registry.register([ProjectProposed]);
    expect(() => registry.register([ProjectProposed])).toThrow(/"ProjectProposed" is registered twice/);
    const impostor = defineEvent('ProjectProposed', 'project', z.object({}));
    expect(() => registry.register([impostor])).toThrow(/registered twice by two different classes/);
  });

  it('refuses a class without a schema or that is not an event class', () => {
    const registry = new EventRegistry();
    const noSchema = defineEvent('Schemaless', 'project', undefined as unknown as z.ZodType<unknown>);
    expect(() => registry.register([noSchema])).toThrow(EventRegistrationError);
    expect(() => registry.register([noSchema])).toThrow(/"Schemaless" has no schema/);
    class NotAnEvent {}
    expect(() => registry.register([NotAnEvent as unknown as DomainEventClass])).toThrow(/NotAnEvent is not an event class/);
    expect(registry.has('Schemaless')).toBe(false);
  });

  it('validates payloads with the schema and strips unknown keys', () => {
    const registry = new EventRegistry();
    registry.register([PartnerInvited, CityRegistered]);
    expect(registry.parse('PartnerInvited', { cityId: 'c2', extra: 1 })).toEqual({ cityId: 'c2' });
    expect(() => registry.parse('PartnerInvited', { cityId: 42 })).toThrow(InvalidEventPayloadError);
    expect(() => registry.parse('PartnerInvited', {})).toThrow(/PartnerInvited.*cityId/);
    expect(() => registry.parse('Nope', {})).toThrow(UnknownEventTypeError);
  });
});
