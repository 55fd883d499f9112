import { describe, expect, it } from 'vitest';
import type { WatchAck } from './contracts';
import { startWatch, type WatchSocket } from './watch-session';
import { initialWatchState, watchReducer, type WatchState } from './watch-reducer';

type Ack = (error: Error | null, answer: WatchAck) => void;

/** A Socket.IO client stand-in: records watches, lets the test answer them and drop / restore the connection. */
class FakeSocket implements WatchSocket {
  connected = true;
  watches: { payload: any; ack: Ack }[] = [];
  unwatches: unknown[] = [];
  private listeners = new Map<string, Set<(...args: any[]) => void>>();
  on(event: string, listener: (...args: any[]) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: (...args: any[]) => void) {
    this.listeners.get(event)?.delete(listener);
  }
  emit(event: string, payload: unknown) {
    if (event.endsWith(':unwatch')) this.unwatches.push(payload);
  }
  timeout() {
    return { emit: (_event: string, payload: unknown, ack: Ack) => void this.watches.push({ payload, ack }) };
  }
  fire(event: string, ...args: unknown[]) {
    this.listeners.get(event)?.forEach((l) => l(...args));
  }
  get lastWatch() {
    return this.watches[this.watches.length - 1];
  }
}

const ev = (seq: number) => ({ projectId: 'p1', seq, type: 'PartnerInvited', at: '2026-01-01T00:00:00.000Z', data: {} });

function follow(sinceSeq = 0) {
  const socket = new FakeSocket();
  let state: WatchState = initialWatchState(sinceSeq);
  const later: (() => void)[] = [];
  const stop = startWatch(
    socket,
    'project',
    'p1',
    sinceSeq,
    (action) => (state = watchReducer(state, action)),
    () => state,
    { setTimeout: (fn) => later.push(fn) },
  );
  return { socket, state: () => state, stop, runTimers: () => later.splice(0).forEach((fn) => fn()) };
}

describe('startWatch: project:watch on a socket', () => {
  it('watches from sinceSeq and asks for each next page from lastSeq until the history is complete', () => {
    const { socket, state } = follow(0);
    expect(socket.lastWatch.payload).toEqual({ projectId: 'p1', sinceSeq: 0 });
    socket.lastWatch.ack(null, { ok: true, missed: [ev(1), ev(2)], hasMore: true, lastSeq: 2 });
    expect(socket.lastWatch.payload).toEqual({ projectId: 'p1', sinceSeq: 2 });
    socket.lastWatch.ack(null, { ok: true, missed: [ev(3)] });
    expect(socket.watches).toHaveLength(2);
    expect(state()).toMatchObject({ status: 'live', highest: 3 });
    expect(state().events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('after a drop, watches again from the highest seq seen, and ignores the dead watch’s ack', () => {
    const { socket, state } = follow(0);
    const first = socket.lastWatch;
    first.ack(null, { ok: true, missed: [ev(5)] });
    socket.fire('project.event', ev(6));
    socket.fire('project.event', { ...ev(99), projectId: 'other' }); // another project's event: not ours
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
    expect(state().status).toBe('connecting');
    socket.connected = true;
    socket.fire('connect');
    expect(socket.lastWatch.payload).toEqual({ projectId: 'p1', sinceSeq: 6 });
    socket.lastWatch.ack(null, { ok: true, missed: [ev(7)] });
    expect(state().events.map((e) => e.seq)).toEqual([5, 6, 7]);
  });

  it('resumes an interrupted replay from its page cursor', () => {
    const { socket } = follow(0);
    socket.lastWatch.ack(null, { ok: true, missed: [ev(1000)], hasMore: true, lastSeq: 1000 });
    socket.fire('project.event', ev(4000));
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
    socket.connected = true;
    socket.fire('connect');
    expect(socket.lastWatch.payload).toEqual({ projectId: 'p1', sinceSeq: 1000 });
  });

  it('retries a watch the server did not answer in time', () => {
    const { socket, state, runTimers } = follow(10);
    socket.lastWatch.ack(new Error('operation has timed out'), undefined as never);
    expect(state().status).toBe('error');
    runTimers();
    expect(socket.watches).toHaveLength(2);
    expect(socket.lastWatch.payload).toEqual({ projectId: 'p1', sinceSeq: 10 });
  });

  it('unwatches when stopped and then ignores late answers', () => {
    const { socket, state, stop } = follow(0);
    stop();
    expect(socket.unwatches).toEqual([{ projectId: 'p1' }]);
    socket.lastWatch.ack(null, { ok: true, missed: [ev(1)] });
    expect(state().events).toEqual([]);
  });
});
