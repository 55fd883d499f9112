import { useEffect, useReducer, useRef } from 'react';
import type { WatchKind } from './contracts';
import { useLive } from './LiveProvider';
import { startWatch } from './watch-session';
import { initialWatchState, watchReducer, type WatchState } from './watch-reducer';

/**
 * Follows a project or a practice live: `events` holds its events from `sinceSeq` on (default 0:
 * the whole history, fetched in pages by `hasMore` / `lastSeq`), each once and in seq order, then
 * each new one as it happens; after a reconnect it watches again from where it was, so nothing is
 * missed. `status`: 'replaying' | 'live' | 'connecting' (socket down) | 'forbidden' | 'error'.
 *
 *   const { events, status } = useWatch('project', projectId);
 */
export function useWatch(kind: WatchKind, id: string | undefined, { sinceSeq = 0 }: { sinceSeq?: number } = {}): WatchState {
  const { socket } = useLive();
  const [state, dispatch] = useReducer(watchReducer, sinceSeq, initialWatchState);
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    if (!socket || !id) return;
    latest.current = initialWatchState(sinceSeq);
    return startWatch(socket, kind, id, sinceSeq, dispatch, () => latest.current);
  }, [socket, kind, id, sinceSeq]);

  return state;
}
