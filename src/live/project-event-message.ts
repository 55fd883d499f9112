import type { EventEnvelope } from '@app/events';
import type { ProjectEventMessage } from './contracts';

/** A stored project event as browsers get it (`project.event` and the watch ack's `missed`). */
export function toProjectEventMessage(event: Pick<EventEnvelope, 'aggregateId' | 'seq' | 'type' | 'at' | 'data'>): ProjectEventMessage {
  return { projectId: event.aggregateId, seq: event.seq, type: event.type, at: new Date(event.at).toISOString(), data: event.data };
}
