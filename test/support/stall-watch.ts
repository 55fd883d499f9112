import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Stall {
  ms: number;
  /** CPU time the process used meanwhile: about `ms` when it was busy, far less when the machine starved it. */
  cpuMs: number;
  /** What was in flight when the loop stood still (the likely culprits). */
  inFlight: string[];
}

/**
 * Event-loop delay while a run lasts: the histogram of perf_hooks.monitorEventLoopDelay for the
 * figures, and a timer that notices each stall over `reportOverMs` with what was in flight then
 * (so that a failing run says which requests to look at) and the CPU time the process used
 * meanwhile (so that a stall of the machine, other processes holding both cores, is told apart
 * from a stall of this process's own work).
 */
export class StallWatch {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly inFlight = new Map<number, string>();
  private nextId = 0;
  private timer?: NodeJS.Timeout;
  readonly stalls: Stall[] = [];

  constructor(private readonly reportOverMs: number) {}

  start(): void {
    this.histogram.enable();
    const tick = 10;
    let last = performance.now();
    let lastCpu = process.cpuUsage();
    this.timer = setInterval(() => {
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      const late = now - last - tick;
      last = now;
      lastCpu = process.cpuUsage();
      if (late > this.reportOverMs) {
        this.stalls.push({ ms: Math.round(late), cpuMs: Math.round((cpu.user + cpu.system) / 1000), inFlight: [...this.inFlight.values()] });
      }
    }, tick);
  }

  stop(): { maxMs: number; p99Ms: number } {
    clearInterval(this.timer);
    this.histogram.disable();
    return { maxMs: this.histogram.max / 1e6, p99Ms: this.histogram.percentile(99) / 1e6 };
  }

  /**
   * Stalls over `ms` in which the process itself used at least `ms` of CPU: its own work blocked
   * the loop that long. A longer stall with less CPU was stretched by the machine (other processes
   * holding the cores while the loop had work to do).
   */
  ownStalls(ms: number): Stall[] {
    return this.stalls.filter((s) => s.ms >= ms && s.cpuMs >= ms);
  }

  /** The longest stalls seen, longest first. */
  worst(count: number): Stall[] {
    return [...this.stalls].sort((x, y) => y.ms - x.ms).slice(0, count);
  }

  /** Runs `work`, labelled `what` while it is in flight. */
  async track<T>(what: string, work: () => Promise<T>): Promise<T> {
    const id = this.nextId++;
    this.inFlight.set(id, what);
    try {
      return await work();
    } finally {
      this.inFlight.delete(id);
    }
  }
}
