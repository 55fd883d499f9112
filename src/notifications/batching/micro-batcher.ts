/**
 * Gathers calls into batches. A call that finds the batcher idle (nothing running, nothing sent for
 * `maxWaitMs`) goes at once, with the others of the same turn: a lone notification is not held back.
 * Calls made while it is busy wait up to `maxWaitMs` and go together, or as soon as `maxSize` are
 * waiting: under a burst — a BullMQ worker at concurrency 100 starts jobs a few hundred microseconds
 * apart — one MongoDB round trip serves a hundred notifications instead of two each.
 */
export class MicroBatcher<I, O> {
  private pending: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushQueued = false;
  private running = 0;
  private lastFlushAt = -Infinity;

  constructor(
    /** Runs one batch; returns one result per input, in order, or an Error for an input that failed. */
    private readonly run: (inputs: I[]) => Promise<(O | Error)[]>,
    private readonly maxSize = 100,
    private readonly maxWaitMs = 3,
  ) {}

  add(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else if (this.flushQueued || this.timer) return;
      else if (this.running === 0 && performance.now() - this.lastFlushAt >= this.maxWaitMs) {
        // Idle: at the end of this turn, so the calls of one turn (Promise.all, a loop) share the batch.
        this.flushQueued = true;
        queueMicrotask(() => this.flush());
      } else this.timer = setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushQueued = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.lastFlushAt = performance.now();
    this.running++;
    this.run(batch.map((b) => b.input))
      .then(
        (results) => batch.forEach((b, i) => (results[i] instanceof Error ? b.reject(results[i]) : b.resolve(results[i] as O))),
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      )
      .finally(() => this.running--);
  }
}
