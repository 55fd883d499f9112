import type { EventMapOf, EventUnion } from '@app/events';
import { EXCHANGE_EVENTS } from './exchange-events';
import { PRACTICE_AGGREGATE_EVENTS } from './practice-events';

/**
 * Every event class of the practices module (practices, comments, moderation and exchanges), for
 * `EventsModule.forFeature` and for consumers that follow the module's events.
 */
export const PRACTICE_EVENTS = [...PRACTICE_AGGREGATE_EVENTS, ...EXCHANGE_EVENTS] as const;

/** The union of every event of the module, narrowed by `event.type`. */
export type PracticeEvent = EventUnion<typeof PRACTICE_EVENTS>;
export type PracticeEventType = PracticeEvent['type'];
/** Event type → payload, for every event of the module. */
export type PracticesEventMap = EventMapOf<typeof PRACTICE_EVENTS>;
export const PRACTICE_EVENT_TYPES: readonly PracticeEventType[] = PRACTICE_EVENTS.map((e) => e.type);
