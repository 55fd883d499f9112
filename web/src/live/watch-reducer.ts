import type { WatchAck, WatchedEvent } from './contracts';

/**
 * The state of one watch (`project:watch` / `practice:watch`): the events in seq order, each once
 * (delivery is at least once, and an event committed during the replay arrives both live and in
 * `missed`), and where to resume so a reconnect misses nothing.
 */
export interface WatchState {
  status: 'connecting' | 'replaying' | 'live' | 'forbidden' | 'error';
  events: WatchedEvent[];
  /** The replay's position: the last seq of the pages received (`lastSeq`), or where it started. */
  cursor: number;
  /** Whether the replay reached the end of the history (an ack without `hasMore`). */
  replayed: boolean;
  /** The highest seq seen, live or replayed. */
  highest: number | null;
  error: string | null;
}

export type WatchAction =
  | { type: 'reset'; sinceSeq: number }
  | { type: 'watching'; sinceSeq: number }
  | { type: 'ack'; ack: WatchAck }
  | { type: 'event'; event: WatchedEvent }
  | { type: 'disconnected' };

export const initialWatchState = (sinceSeq: number): WatchState => ({
  status: 'connecting',
  events: [],
  cursor: sinceSeq,
  replayed: false,
  highest: null,
  error: null,
});

/**
 * The `sinceSeq` of the next watch: mid-replay, the replay's cursor (a live event seen meanwhile
 * may be far ahead of it); once replayed, the highest seq seen (events reach a socket in order).
 */
export function resumeFrom(state: WatchState): number {
  if (!state.replayed) return state.cursor;
  return Math.max(state.cursor, state.highest ?? state.cursor);
}

function merge(events: WatchedEvent[], incoming: WatchedEvent[]): WatchedEvent[] {
  if (incoming.length === 0) return events;
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  for (const e of incoming) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

const highestOf = (current: number | null, events: WatchedEvent[]) => events.reduce((max, e) => (max === null || e.seq > max ? e.seq : max), current);

export function watchReducer(state: WatchState, action: WatchAction): WatchState {
  switch (action.type) {
    case 'reset':
      return initialWatchState(action.sinceSeq);
    case 'watching':
      // A watch replays from sinceSeq: until its last page arrives, a reconnect resumes from the cursor.
      return { ...state, status: 'replaying', cursor: action.sinceSeq, replayed: false, error: null };
    case 'disconnected':
      return state.status === 'forbidden' ? state : { ...state, status: 'connecting' };
    case 'event':
      return { ...state, events: merge(state.events, [action.event]), highest: highestOf(state.highest, [action.event]) };
    case 'ack': {
      const { ack } = action;
      if (!ack.ok) return { ...state, status: ack.error.startsWith('forbidden') ? 'forbidden' : 'error', error: ack.error };
      const events = merge(state.events, ack.missed);
      const highest = highestOf(state.highest, ack.missed);
      if (ack.hasMore) return { ...state, status: 'replaying', events, highest, cursor: ack.lastSeq ?? highest ?? state.cursor, replayed: false };
      const cursor = Math.max(state.cursor, highestOf(null, ack.missed) ?? state.cursor);
      return { ...state, status: 'live', events, highest, cursor, replayed: true, error: null };
    }
  }
}
