import { describe, expect, it } from 'vitest';
import type { WatchedEvent } from './contracts';
import { initialWatchState, resumeFrom, watchReducer, type WatchAction, type WatchState } from './watch-reducer';

const event = (seq: number): WatchedEvent => ({ projectId: 'p1', seq, type: 'ProjectUpdatePosted', at: '2026-01-01T00:00:00.000Z', data: {} });
const run = (actions: WatchAction[], start = initialWatchState(0)): WatchState => actions.reduce(watchReducer, start);
const seqs = (state: WatchState) => state.events.map((e) => e.seq);

describe('watchReducer: project:watch / practice:watch paging and resumption', () => {
  it('follows hasMore / lastSeq pages to the end of the history, then is live', () => {
    let state = run([
      { type: 'watching', sinceSeq: 0 },
      { type: 'ack', ack: { ok: true, missed: [event(3), event(7)], hasMore: true, lastSeq: 7 } },
    ]);
    expect(state.status).toBe('replaying');
    expect(resumeFrom(state)).toBe(7); // the next page is asked from lastSeq
    state = run(
      [
        { type: 'watching', sinceSeq: 7 },
        { type: 'ack', ack: { ok: true, missed: [event(9)] } },
      ],
      state,
    );
    expect(state.status).toBe('live');
    expect(seqs(state)).toEqual([3, 7, 9]);
    expect(resumeFrom(state)).toBe(9);
  });

  it('keeps each seq once and in order: an event may arrive live and again in missed, or be redelivered', () => {
    const state = run([
      { type: 'watching', sinceSeq: 0 },
      { type: 'event', event: event(12) },
      { type: 'ack', ack: { ok: true, missed: [event(10), event(12)] } },
      { type: 'event', event: event(12) },
      { type: 'event', event: event(11) },
    ]);
    expect(seqs(state)).toEqual([10, 11, 12]);
  });

  it('resumes mid-replay from the page cursor, not from a live event far ahead of it', () => {
    const state = run([
      { type: 'watching', sinceSeq: 0 },
      { type: 'event', event: event(5000) }, // live, while page 1 is on its way
      { type: 'ack', ack: { ok: true, missed: [event(1), event(1000)], hasMore: true, lastSeq: 1000 } },
      { type: 'disconnected' },
    ]);
    expect(state.status).toBe('connecting');
    expect(resumeFrom(state)).toBe(1000);
  });

  it('after a reconnect, watches again from the highest seq seen (live events included)', () => {
    const state = run([
      { type: 'watching', sinceSeq: 0 },
      { type: 'ack', ack: { ok: true, missed: [event(4)] } },
      { type: 'event', event: event(8) },
      { type: 'disconnected' },
    ]);
    expect(resumeFrom(state)).toBe(8);
    const again = run(
      [
        { type: 'watching', sinceSeq: 8 },
        { type: 'ack', ack: { ok: true, missed: [event(9)], hasMore: true, lastSeq: 9 } },
      ],
      state,
    );
    expect(again.replayed).toBe(false);
    expect(resumeFrom(again)).toBe(9);
    expect(seqs(again)).toEqual([4, 8, 9]);
  });

  it('starts from the sinceSeq given (a page that already has the history up to it)', () => {
    expect(resumeFrom(initialWatchState(42))).toBe(42);
  });

  it('says forbidden when the user may not see it, and error for anything else', () => {
    expect(run([{ type: 'ack', ack: { ok: false, error: 'forbidden: not a partner' } }]).status).toBe('forbidden');
    const unavailable = run([{ type: 'ack', ack: { ok: false, error: 'unavailable' } }]);
    expect(unavailable).toMatchObject({ status: 'error', error: 'unavailable' });
  });
});
