import { PRACTICE_EVENT_TYPES, type PracticeEvent } from '../../practices/contracts';
import type { ProjectEvent } from '../../projects/contracts';

/** The producers' events the notifications module follows: their unions, narrowed by `event.type`. */
export type NotifiableEvent = ProjectEvent | PracticeEvent;
export type NotifiableType = NotifiableEvent['type'];
/** The event of one type: `EventOf<'PartnerInvited'>['data']` is PartnerInvited's payload. */
export type EventOf<K extends NotifiableType> = Extract<NotifiableEvent, { type: K }>;

const PRACTICE_TYPES = new Set<string>(PRACTICE_EVENT_TYPES);

export function isPracticeEvent(event: NotifiableEvent): event is PracticeEvent {
  return PRACTICE_TYPES.has(event.type);
}
