/** A clock the test moves by hand, for aggregates that take a `() => Date`; each reading is a fresh Date. */
export class TestClock {
  private t: number;
  constructor(start = '2025-01-15T09:00:00.000Z') {
    this.t = Date.parse(start);
  }
  readonly now = (): Date => new Date(this.t);
  advance(ms = 60_000): Date {
    this.t += ms;
    return this.now();
  }
}
