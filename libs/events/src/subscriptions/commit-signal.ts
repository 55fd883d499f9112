import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import type { EventEnvelope } from '../event-envelope';
import { COMMIT_NUDGE, type CommitNudge } from '../events.options';

/** A commit: its last seq, and its events when it happened in this process. */
export interface Commit {
  seq: number;
  events?: readonly EventEnvelope[];
}

export type CommitListener = (commit: Commit) => void;

/**
 * Wakes the consumers as soon as events are committed: at once in this process (with the events,
 * so a consumer that is caught up handles them without reading the log), and through the
 * optional cross-process nudge (Redis pub/sub) in the others. Polling is only the fallback.
 */
@Injectable()
export class CommitSignal implements OnModuleInit {
  private readonly logger = new Logger(CommitSignal.name);
  private readonly listeners = new Set<CommitListener>();

  constructor(@Optional() @Inject(COMMIT_NUDGE) private readonly nudge?: CommitNudge) {}

  onModuleInit(): void {
    this.nudge?.subscribe((seq) => this.notify({ seq }));
  }

  /** Called by the UnitOfWork after commit, with the stored events in seq order. */
  committed(events: readonly EventEnvelope[]): void {
    if (events.length === 0) return;
    const seq = events[events.length - 1].seq;
    this.notify({ seq, events });
    try {
      this.nudge?.publish(seq);
    } catch (error) {
      // Other processes still find the events at their next poll.
      this.logger.debug(`commit nudge not sent: ${String(error)}`);
    }
  }

  listen(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(commit: Commit): void {
    for (const listener of this.listeners) listener(commit);
  }
}
