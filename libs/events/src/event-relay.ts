import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventDispatcher } from './event-dispatcher';
import { toEnvelope } from './event-document';
import { EventRegistry } from './event-registry';
import { EventStore } from './event-store';
import { EVENTS_OPTIONS, type ResolvedEventsOptions } from './events.options';
import { RelayLease } from './relay-lease';

/**
 * Republishes what the after-commit path did not deliver: events whose writer died between commit
 * and publish, whose publish failed, or whose handler failed (after their backoff). Polls under a
 * lease so that only one instance republishes; keeps polling through MongoDB or handler failures.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventRelay.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private started = false;
  private failing = false;

  constructor(
    private readonly store: EventStore,
    private readonly dispatcher: EventDispatcher,
    private readonly registry: EventRegistry,
    private readonly lease: RelayLease,
    @Inject(EVENTS_OPTIONS) private readonly options: ResolvedEventsOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.relay.enabled) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  get isRunning(): boolean {
    return this.started;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule();
  }

  /** Stops polling, waits for the current pass and hands the lease over. Leaves no timer behind. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    await this.lease.release().catch((error: unknown) => this.logger.debug(`lease release failed: ${String(error)}`));
  }

  /**
   * One pass: when this instance holds the lease, publishes the due events in seq order.
   * Returns how many it published. Throws when MongoDB fails (the poll loop logs and goes on).
   */
  async runOnce(now = new Date()): Promise<number> {
    const { leaseMs, delayMs, batchSize } = this.options.relay;
    if (!(await this.lease.acquire(leaseMs, now))) return 0;
    const due = await this.store.findDue(this.registry.types(), delayMs, batchSize, now);
    let published = 0;
    for (const doc of due) {
      if (await this.dispatcher.dispatchOne(toEnvelope(doc), doc.attempts ?? 0)) published++;
    }
    if (published > 0) this.logger.log(`Relayed ${published} event(s) up to #${due[due.length - 1]?.seq}`);
    return published;
  }

  private schedule(): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.runOnce();
      this.running
        .then(() => {
          if (this.failing) this.logger.log('Event relay recovered');
          this.failing = false;
        })
        .catch((error: unknown) => {
          // Log the first failure of a streak only: MongoDB down would otherwise flood the log.
          if (!this.failing) this.logger.error(`Event relay pass failed; retrying every ${this.options.relay.intervalMs} ms: ${String(error)}`);
          this.failing = true;
        })
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.options.relay.intervalMs);
    // Never the reason a process (or Jest) stays alive; stop() clears it anyway.
    this.timer.unref();
  }
}
