import type { WatchAck, WatchKind, WatchedEvent } from './contracts';
import { watchMessages } from './contracts';
import { resumeFrom, type WatchAction, type WatchState } from './watch-reducer';

/** What a watch needs of a Socket.IO client socket (so it can be tested with a fake one). */
export interface WatchSocket {
  readonly connected: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emit(event: string, payload: unknown, ack: (error: Error | null, answer: WatchAck) => void): unknown };
}

export const ACK_TIMEOUT_MS = 10_000;
export const RETRY_AFTER_MS = 3_000;

/**
 * Drives one watch on a socket: watches from `sinceSeq`, asks for the next page while the ack says
 * `hasMore`, feeds live events, and on every (re)connect watches again from where the state is
 * (`resumeFrom`), so nothing is missed. An unanswered watch is retried. Returns the stop function
 * (unwatches). `state()` reads the reducer's latest state.
 */
export function startWatch(
  socket: WatchSocket,
  kind: WatchKind,
  id: string,
  sinceSeq: number,
  dispatch: (action: WatchAction) => void,
  state: () => WatchState,
  timers: { setTimeout: (fn: () => void, ms: number) => unknown } = globalThis,
): () => void {
  const messages = watchMessages(kind);
  let active = true;
  let generation = 0; // acks of a watch superseded by a reconnect are ignored

  const watch = (from: number) => {
    const mine = ++generation;
    dispatch({ type: 'watching', sinceSeq: from });
    socket.timeout(ACK_TIMEOUT_MS).emit(messages.watch, { [messages.key]: id, sinceSeq: from }, (error, ack) => {
      if (!active || mine !== generation) return;
      if (error) {
        dispatch({ type: 'ack', ack: { ok: false, error: 'unavailable' } });
        timers.setTimeout(() => active && mine === generation && socket.connected && watch(resumeFrom(state())), RETRY_AFTER_MS);
        return;
      }
      dispatch({ type: 'ack', ack });
      if (ack.ok && ack.hasMore && ack.lastSeq !== undefined) watch(ack.lastSeq);
    });
  };
  const onEvent = (event: WatchedEvent) => {
    if (event[messages.key] === id) dispatch({ type: 'event', event });
  };
  const onConnect = () => watch(resumeFrom(state()));
  const onDisconnect = () => {
    generation++; // the ack of a watch sent before the drop never comes
    dispatch({ type: 'disconnected' });
  };

  dispatch({ type: 'reset', sinceSeq });
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
}
