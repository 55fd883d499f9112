import type { DomainEventClass } from '@app/events';
import { PRACTICE_EVENTS, type PracticesEventMap } from '../../../practices/contracts';
import type { EventOf } from '../notifiable-event';

type Type = keyof PracticesEventMap;

/** A practice or exchange event as a consumer gets it, its payload checked against the producer's schema. */
export function practiceEvent<K extends Type>(type: K, data: PracticesEventMap[K]): EventOf<K> {
  const cls = PRACTICE_EVENTS.find((c) => c.type === type) as unknown as DomainEventClass<PracticesEventMap[K], K>;
  const aggregateId = 'exchangeId' in data ? data.exchangeId : data.practiceId;
  return new cls({
    id: `event-${type}`,
    seq: 1,
    type,
    aggregateType: 'exchangeId' in data ? 'exchange' : 'practice',
    aggregateId,
    actor: { userId: null, cityId: null },
    correlationId: 'test',
    causationId: null,
    at: new Date('2025-01-15T09:00:00Z'),
    data: cls.schema.parse(data),
  }) as unknown as EventOf<K>;
}
