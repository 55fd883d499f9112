import type { CommandContext, EventEnvelope } from './event-envelope';

/**
 * Context for work done in reaction to an event (a handler issuing a command): same correlation
 * id, caused by that event, acting as the system on behalf of the event's actor.
 */
export function contextCausedBy(event: Pick<EventEnvelope, 'id' | 'actor' | 'correlationId'>): CommandContext {
  return { actor: event.actor, role: 'system', correlationId: event.correlationId, causationId: event.id };
}
