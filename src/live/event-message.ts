import type { EventEnvelope } from '@app/events';
import type { PracticeEventMessage, ProjectEventMessage } from './contracts';

type Stored = Pick<EventEnvelope, 'aggregateId' | 'seq' | 'type' | 'at' | 'data'>;

/** A stored project event as browsers get it (`project.event` and the watch ack's `missed`). */
export function toProjectEventMessage(event: Stored): ProjectEventMessage {
  return { projectId: event.aggregateId, seq: event.seq, type: event.type, at: new Date(event.at).toISOString(), data: event.data };
}

/** A stored practice event as browsers get it (`practice.event` and the watch ack's `missed`). */
export function toPracticeEventMessage(event: Stored): PracticeEventMessage {
  return { practiceId: event.aggregateId, seq: event.seq, type: event.type, at: new Date(event.at).toISOString(), data: event.data };
}
