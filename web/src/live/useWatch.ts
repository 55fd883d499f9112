import { useEffect, useReducer, useRef } from 'react';
import type { WatchAck, WatchKind, WatchedEvent } from './contracts';
import { watchMessages } from './contracts';
import { useLive } from './LiveProvider';
import { initialWatchState, resumeFrom, watchReducer, type WatchState } from './watch-reducer';

const ACK_TIMEOUT_MS = 10_000;

/**
 * Follows a project or a practice live: its events from `sinceSeq` on (default 0: the whole
 * history, fetched in pages of 1000 by `hasMore` / `lastSeq`), then each new one as it happens.
 * After a reconnect it watches again from where it was, so nothing is missed; each seq is kept once.
 * `status` is 'forbidden' when the user may not see it.
 */
export function useWatch(
  kind: WatchKind,
  id: string | undefined,
  { sinceSeq = 0 }: { sinceSeq?: number } = {},
): WatchState & { events: WatchedEvent[] } {
  const { socket } = useLive();
  const [state, dispatch] = useReducer(watchReducer, sinceSeq, initialWatchState);
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    if (!socket || !id) return;
    const messages = watchMessages(kind);
    let active = true;
    let pending = false;
    const watch = (from: number) => {
      pending = true;
      dispatch({ type: 'watching', sinceSeq: from });
      socket.timeout(ACK_TIMEOUT_MS).emit(messages.watch, { [messages.key]: id, sinceSeq: from }, (error: Error | null, ack: WatchAck) => {
        pending = false;
        if (!active) return;
        if (error) {
          dispatch({ type: 'ack', ack: { ok: false, error: 'unavailable' } });
          if (socket.connected) setTimeout(() => active && !pending && watch(resumeFrom(latest.current)), 3_000);
          return;
        }
        dispatch({ type: 'ack', ack });
        if (ack.ok && ack.hasMore && ack.lastSeq !== undefined) watch(ack.lastSeq);
      });
    };
    const onEvent = (event: WatchedEvent) => {
      if (event[messages.key] === id) dispatch({ type: 'event', event });
    };
    const onConnect = () => watch(resumeFrom(latest.current));
    const onDisconnect = () => dispatch({ type: 'disconnected' });

    dispatch({ type: 'reset', sinceSeq });
    latest.current = initialWatchState(sinceSeq);
    socket.on(messages.event, onEvent);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    if (socket.connected) watch(sinceSeq);
    return () => {
      active = false;
      socket.off(messages.event, onEvent);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      if (socket.connected) socket.emit(messages.unwatch, { [messages.key]: id });
    };
  }, [socket, kind, id, sinceSeq]);

  return state;
}
