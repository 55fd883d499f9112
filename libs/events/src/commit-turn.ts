/**
 * Hands out turns to run event-recording transactions in this process, one at a time. Every append
 * updates the single `seq` counter document, so two transactions of one process that overlap always
 * collide: one gets a write conflict and runs again, and the more writers, the fewer commits
 * (bench/http: 149 writes/s with one connection, 51 with 50). Queued, they waste nothing; what runs
 * outside the transaction (HTTP, auth, loading the aggregate) still overlaps. Instances still
 * collide with each other (docs/scaling.md).
 */
export class CommitTurn {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** Resolves when it is the caller's turn; the caller must call the returned `release` once, whatever happens. */
  async take(): Promise<() => void> {
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => done);
    this.waiting++;
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.waiting--;
      release();
    };
  }

  /** Turns taken or waiting (for tests and metrics). */
  get pending(): number {
    return this.waiting;
  }
}
