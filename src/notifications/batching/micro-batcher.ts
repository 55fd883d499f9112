/**
 * Gathers the calls made within a few milliseconds into one batch (a BullMQ worker at concurrency
 * 100 starts jobs one by one, a few hundred microseconds apart). One MongoDB round trip for a
 * hundred notifications instead of two each: what makes a burst of 10,000 keep up.
 */
export class MicroBatcher<I, O> {
  private pending: { input: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | null = null;

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
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.run(batch.map((b) => b.input)).then(
      (results) => batch.forEach((b, i) => (results[i] instanceof Error ? b.reject(results[i]) : b.resolve(results[i] as O))),
      (error: unknown) => batch.forEach((b) => b.reject(error)),
    );
  }
}
