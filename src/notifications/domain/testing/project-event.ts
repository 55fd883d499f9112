import type { DomainEventClass } from '@app/events';
import { PROJECT_EVENTS, type ProjectEventBase, type ProjectEventMap } from '../../../projects/contracts';
import type { EventOf } from '../recipients';

/** Sevilla's project with Llíria and Valencia accepted, unless a test says otherwise. */
export const PROJECT_BASE: ProjectEventBase = {
  projectId: 'p1',
  title: 'Music for all',
  leadCityId: 'sevilla',
  acceptedPartnerIds: ['liria', 'valencia'],
};

type Type = keyof ProjectEventMap;

/**
 * A project event as the bus delivers it (an instance of its class), for the notification specs.
 * The payload is checked against the producer's schema, so a spec cannot test a shape projects
 * never sends.
 */
export function projectEvent<K extends Type>(
  type: K,
  data: Omit<ProjectEventMap[K], keyof ProjectEventBase> & Partial<ProjectEventBase>,
  actorCityId: string | null = null,
): EventOf<K> {
  const cls = PROJECT_EVENTS.find((c) => c.type === type) as unknown as DomainEventClass<ProjectEventMap[K], K>;
  const event = new cls({
    id: `event-${type}`,
    seq: 1,
    type,
    aggregateType: 'project',
    aggregateId: PROJECT_BASE.projectId,
    actor: { userId: null, cityId: actorCityId },
    correlationId: 'test',
    causationId: null,
    at: new Date('2025-01-15T09:00:00Z'),
    data: cls.schema.parse({ ...PROJECT_BASE, ...data }),
  });
  return event as unknown as EventOf<K>;
}
