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
  /** The highest seq committed in this process. */
  private lastLocal = 0;

  constructor(@Optional() @Inject(COMMIT_NUDGE) private readonly nudge?: CommitNudge) {}

  onModuleInit(): void {
    // Our own commits come back through Redis too: every listener already had them, with their
    // events, and a nudge at or below the last local seq says nothing new (seq order is commit
    // order; a runner that missed a smaller seq from elsewhere reads the log when it sees the gap).
    // Heeding them cost each consumer a wasted read of the log's head per commit (bench/live).
    this.nudge?.subscribe((seq) => {
      if (seq > this.lastLocal) this.notify({ seq });
    });
  }

  /** Called by the UnitOfWork after commit, with the stored events in seq order. */
  committed(events: readonly EventEnvelope[]): void {
    if (events.length === 0) return;
    const seq = events[events.length - 1].seq;
    this.lastLocal = Math.max(this.lastLocal, seq);
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
