import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * CPU ms of the main thread, the one that runs the event loop: from /proc on Linux (utime + stime of
 * the thread whose id is the pid, in ticks of 10 ms), where process.cpuUsage would also count the
 * libuv pool (password hashing) and the GC's helper threads, which work beside the loop, not in its
 * way. Elsewhere, the whole process's (an overestimate, never an underestimate).
 */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
}

export interface Stall {
  ms: number;
  /** CPU time the event loop's thread used meanwhile: about `ms` when it was busy, far less when the machine starved it. */
  cpuMs: number;
  /** When the stall ended (epoch ms). */
  at: number;
  /** What was in flight when the loop stood still (the likely culprits). */
  inFlight: string[];
}

interface SlowRequest {
  what: string;
  start: number;
  end: number;
}

/**
 * Event-loop delay while a run lasts: the histogram of perf_hooks.monitorEventLoopDelay for the
 * figures, and a timer that notices each stall over `reportOverMs` with what was in flight then
 * (so that a failing run says which requests to look at) and the CPU time the loop's thread used
 * meanwhile (so that a stall of the machine, other processes holding both cores, is told apart
 * from a stall of this process's own work).
 */
export class StallWatch {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly inFlight = new Map<number, string>();
  /** Tracked work that took over `reportOverMs`, to name what a stall seen by another process held up. */
  private readonly slow: SlowRequest[] = [];
  private nextId = 0;
  private timer?: NodeJS.Timeout;
  readonly stalls: Stall[] = [];

  constructor(private readonly reportOverMs: number) {}

  start(): void {
    this.histogram.enable();
    const tick = 10;
    let last = performance.now();
    let lastCpu = mainThreadCpuMs();
    this.timer = setInterval(() => {
      const now = performance.now();
      const cpu = mainThreadCpuMs();
      const late = now - last - tick;
      const cpuMs = cpu - lastCpu;
      last = now;
      lastCpu = cpu;
      if (late > this.reportOverMs) {
        this.stalls.push({ ms: Math.round(late), cpuMs: Math.round(cpuMs), at: Date.now(), inFlight: [...this.inFlight.values()] });
      }
    }, tick).unref();
  }

  stop(): LoopDelay {
    clearInterval(this.timer);
    this.histogram.disable();
    return this.delay();
  }

  /** Forgets what was seen so far (e.g. a process's start-up) and starts the figures again. */
  reset(): void {
    this.stalls.length = 0;
    this.histogram.reset();
  }

  /** Tracked work that was in flight during `stall` (seen by another process's watch) and took longer than the stall. */
  heldUpBy(stall: Stall): string[] {
    return this.slow.filter((r) => r.start <= stall.at - stall.ms && r.end >= stall.at).map((r) => r.what);
  }

  /** The histogram's figures so far. */
  delay(): LoopDelay {
    return { maxMs: this.histogram.max / 1e6, p99Ms: this.histogram.percentile(99) / 1e6 };
  }

  /**
   * Stalls over `ms` in which the loop's thread itself used at least `ms` of CPU: its own work blocked
   * the loop that long. A longer stall with less CPU was stretched by the machine (other processes
   * holding the cores while the loop had work to do).
   */
  ownStalls(ms: number): Stall[] {
    return ownStalls(this.stalls, ms);
  }

  /** The longest stalls seen, longest first. */
  worst(count: number): Stall[] {
    return [...this.stalls].sort((x, y) => y.ms - x.ms).slice(0, count);
  }

  /** Runs `work`, labelled `what` while it is in flight. */
  async track<T>(what: string, work: () => Promise<T>): Promise<T> {
    const id = this.nextId++;
    const start = Date.now();
    this.inFlight.set(id, what);
    try {
      return await work();
    } finally {
      this.inFlight.delete(id);
      const end = Date.now();
      if (end - start > this.reportOverMs) this.slow.push({ what, start, end });
    }
  }
}

/** Of `stalls`, those over `ms` in which the loop's thread itself used at least `ms` of CPU (see StallWatch.ownStalls). */
export function ownStalls(stalls: Stall[], ms: number): Stall[] {
  return stalls.filter((s) => s.ms >= ms && s.cpuMs >= ms);
}
