/**
 * Where bench/live's time goes between an event's recording and its receipt, per project event:
 * recorded (`at`, set in the transaction) → committed (CommitSignal, after the commit) → handled
 * (ProjectEventBroadcaster.handle, the instance consumer's delivery) → received (first and last of
 * the sockets watching its project). The app runs in the bench's process, so one clock serves all;
 * the event loop's delay is sampled beside, as every stage waits on it, and the event log's reads
 * (a consumer runner reads the log when it cannot take the committed events as they are).
 */
import type { INestApplication } from '@nestjs/common';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EventLog } from '../../libs/events/src/event-log';
import { CommitSignal } from '../../libs/events/src/subscriptions/commit-signal';
import { ProjectEventBroadcaster } from '../../src/live/consumers/project-event.broadcaster';
import { percentile, round } from '../support/stats';

const now = () => performance.timeOrigin + performance.now();

interface Trace {
  at: number;
  committed?: number;
  handled?: number;
  emitted?: number;
  first?: number;
  last?: number;
}

export interface StageTrace {
  received(message: { seq: number }): void;
  /** The event log's reads meanwhile, by method, and the commit signals (with events, or nudges). */
  readonly reads: Record<string, number>;
  rows(): Record<string, string | number>[];
  p99s(): Record<string, number>;
}

export function traceStages(app: INestApplication): StageTrace {
  const traces = new Map<number, Trace>();
  const reads: Record<string, number> = {};
  const trace = (seq: number, at: number) => traces.get(seq) ?? traces.set(seq, { at }).get(seq)!;
  app.get(CommitSignal, { strict: false }).listen((commit) => {
    const t = now();
    // Without events: a nudge through Redis (another process's commit, or this one's heard back).
    const kind = commit.events ? 'commitsHere' : 'nudges';
    reads[kind] = (reads[kind] ?? 0) + 1;
    for (const e of commit.events ?? []) trace(e.seq, new Date(e.at).getTime()).committed = t;
  });
  const broadcaster = app.get(ProjectEventBroadcaster, { strict: false });
  const handle = broadcaster.handle.bind(broadcaster);
  broadcaster.handle = (event) => {
    const t = trace(event.seq, new Date(event.at).getTime());
    t.handled = now();
    handle(event);
    t.emitted = now();
  };
  const log = app.get(EventLog, { strict: false }) as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['lastSeq', 'listOfTypes'] as const) {
    const read = log[method].bind(log);
    log[method] = (...args) => ((reads[method] = (reads[method] ?? 0) + 1), read(...args));
  }
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const stages: [string, (t: Trace) => number | undefined][] = [
    ['recorded → committed', (t) => t.committed && t.committed - t.at],
    ['committed → handled (consumer runner)', (t) => t.handled && t.committed && t.handled - t.committed],
    ['handle (emit to the room)', (t) => t.emitted && t.handled && t.emitted - t.handled],
    ['handled → first receipt', (t) => t.first && t.handled && t.first - t.handled],
    ['handled → last receipt', (t) => t.last && t.handled && t.last - t.handled],
    ['committed → last receipt', (t) => t.last && t.committed && t.last - t.committed],
    ['recorded → last receipt', (t) => t.last && t.last - t.at],
  ];
  const samples = (f: (t: Trace) => number | undefined) => [...traces.values()].map(f).filter((v): v is number => v !== undefined);
  return {
    reads,
    received(message) {
      const t = traces.get(message.seq);
      if (!t) return;
      t.last = now();
      t.first ??= t.last;
    },
    rows() {
      loop.disable();
      const rows = stages.map(([stage, f]) => {
        const s = samples(f);
        return { stage, events: s.length, p50_ms: round(percentile(s, 50)), p99_ms: round(percentile(s, 99)), max_ms: round(Math.max(...s)) };
      });
      const ms = (ns: number) => round(ns / 1e6);
      rows.push({
        stage: 'event loop delay',
        events: loop.count,
        p50_ms: ms(loop.percentile(50)),
        p99_ms: ms(loop.percentile(99)),
        max_ms: ms(loop.max),
      });
      return rows;
    },
    p99s() {
      return Object.fromEntries(stages.map(([stage, f]) => [stage, round(percentile(samples(f), 99))]));
    },
  };
}
