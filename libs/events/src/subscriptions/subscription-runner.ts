import type { Logger } from '@nestjs/common';
import type { mongo } from 'mongoose';
import type { EventEnvelope } from '../event-envelope';
import type { EventLog } from '../event-log';
import type { EventRegistry } from '../event-registry';
import type { EventStore } from '../event-store';
import { retryDelay, type ResolvedConsumerOptions } from '../events.options';
import type { Commit } from './commit-signal';
import type { DeadLetterStore } from './dead-letter-store';
import type { EventConsumerDefinition, EventHandlerOf, HandlerContext } from './event-consumer';
import { rebuildProjection } from './rebuild-projection';
import type { FailingEvent, SubscriptionDocument, SubscriptionStore } from './subscription-store';

export interface RunnerDeps {
  log: EventLog;
  registry: EventRegistry;
  store: EventStore;
  subscriptions: SubscriptionStore;
  deadLetters: DeadLetterStore;
  options: ResolvedConsumerOptions;
  /** This process's identity as a lease owner. */
  owner: string;
  logger: Logger;
}

/** What a runner knows of itself, for metrics and health. */
export interface RunnerState {
  position: number;
  holdsLease: boolean;
  failing: FailingEvent | null;
  handled: number;
  failures: number;
  parked: number;
}

interface Batch {
  events: EventEnvelope[];
  /** Every event up to this seq has been seen (the matching ones are in `events`). */
  scannedTo: number;
  /** The read hit the batch size: there may be more right away. */
  full: boolean;
}

/** Pending commits kept for the no-read fast path; beyond this the runner just reads the log. */
const MAX_PENDING = 1000;

/**
 * Follows the event log for one consumer: reads the events of its types after its position, in
 * seq order and in batches, hands each to the handler, and moves the position only after the
 * handler finished. A failing event is retried with backoff, then parked as a dead letter, without
 * touching any other consumer. Shared consumers run under a lease and store their checkpoint;
 * instance consumers start at the head and keep their position in memory.
 */
export class SubscriptionRunner {
  readonly name: string;
  readonly shared: boolean;
  private readonly types: string[];
  private readonly typeSet: Set<string>;

  private position = 0;
  private persisted = 0;
  private persistedAt = 0;
  private holdsLease = false;
  private leaseUntil = 0;
  private rebuildRequestedAt: Date | null = null;
  private failing: FailingEvent | null = null;
  private retryAt = 0;
  private deadLettersCheckedAt = 0;
  private deadLetterRetryAsked = false;
  /** Events committed by this process since the last read, for the fast path. */
  private pending: EventEnvelope[] = [];

  private started = false;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private erroring = false;
  private readonly counts = { handled: 0, failures: 0, parked: 0 };

  constructor(
    readonly definition: EventConsumerDefinition,
    private readonly handler: EventHandlerOf<any>,
    private readonly deps: RunnerDeps,
  ) {
    this.name = definition.name;
    this.shared = (definition.scope ?? 'shared') === 'shared';
    this.types = definition.events.map((e) => e.type);
    this.typeSet = new Set(this.types);
  }

  get isProjection(): boolean {
    return this.definition.projection !== undefined;
  }

  get state(): RunnerState {
    return { position: this.position, holdsLease: this.holdsLease, failing: this.failing, ...this.counts };
  }

  async start(): Promise<void> {
    if (this.started) return;
    // An instance consumer serves this process's own clients: it starts where the log is now.
    if (!this.shared) this.position = await this.deps.log.lastSeq();
    this.started = true;
    this.wake();
  }

  /** Stops after the current pass, writes the checkpoint and hands the lease over. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.releaseLease();
  }

  /** A commit happened (here, with its events, or elsewhere): look for work now. */
  committed(commit: Commit): void {
    if (!this.started || commit.seq <= this.position) return;
    if (commit.events && this.pending.length < MAX_PENDING) this.pending.push(...commit.events);
    this.wake();
  }

  /** An admin asked to retry one of this consumer's dead letters. */
  retryDeadLetters(): void {
    this.deadLetterRetryAsked = true;
    this.wake();
  }

  wake(): void {
    if (!this.started) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /**
   * One pass outside the loop, for a process that does not run its consumers (the rebuild
   * script): takes the lease if it is free, does what is asked, and gives the lease back.
   */
  async passOnce(): Promise<void> {
    try {
      await this.pass();
    } finally {
      await this.releaseLease();
    }
  }

  private async loop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    do {
      this.again = false;
      try {
        if (await this.pass()) this.again = true;
        if (this.erroring) this.deps.logger.log(`Consumer ${this.name} recovered`);
        this.erroring = false;
      } catch (error) {
        // MongoDB down, or a dead letter that could not be parked: retry at the next poll.
        if (!this.erroring) this.deps.logger.error(`Consumer ${this.name} pass failed; retrying: ${message(error)}`);
        this.erroring = true;
      }
    } while (this.again && this.started);
    this.schedule();
  }

  private schedule(): void {
    if (!this.started) return;
    const { pollIntervalMs } = this.deps.options;
    const delay = this.failing ? Math.min(pollIntervalMs, Math.max(0, this.retryAt - Date.now())) : pollIntervalMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wake();
    }, delay);
    // Never the reason a process (or Jest) stays alive; stop() clears it anyway.
    this.timer.unref();
  }

  /** Returns true when there may be more to do at once. */
  private async pass(): Promise<boolean> {
    const now = Date.now();
    if (this.shared) {
      if (!(await this.ensureLease(now))) return false;
      if (this.rebuildRequestedAt) {
        await this.rebuild(this.rebuildRequestedAt);
        return true;
      }
      await this.retryParked(now);
    }
    if (this.failing && now < this.retryAt) return false;

    const batch = await this.nextBatch();
    if (!(await this.handleEvents(batch.events))) {
      await this.persist(true);
      return false;
    }
    this.position = Math.max(this.position, batch.scannedTo);
    await this.persist(batch.events.length > 0);
    return batch.full;
  }

  private async nextBatch(): Promise<Batch> {
    const pending = this.pending.filter((e) => e.seq > this.position).sort((a, b) => a.seq - b.seq);
    this.pending = [];
    // Fast path: the next events were committed here and nothing lies between (seq order is commit order).
    if (pending.length > 0 && pending.every((e, i) => e.seq === this.position + 1 + i)) {
      return { events: pending.filter((e) => this.typeSet.has(e.type)), scannedTo: pending[pending.length - 1].seq, full: false };
    }
    // Read the head first: every event up to it is committed, so none can appear below it later.
    const head = await this.deps.log.lastSeq();
    if (head <= this.position) return { events: [], scannedTo: this.position, full: false };
    const { batchSize } = this.deps.options;
    const events = await this.deps.log.listOfTypes(this.types, { afterSeq: this.position, limit: batchSize });
    const full = events.length === batchSize;
    return { events, scannedTo: full ? events[events.length - 1].seq : head, full };
  }

  /** Handles the events in order, moving the position; false when one failed (it is retried later). */
  private async handleEvents(events: EventEnvelope[]): Promise<boolean> {
    if (events.length > 1 && (await this.deliverAll(events))) {
      this.position = events[events.length - 1].seq;
      return true;
    }
    for (const event of events) {
      if (!(await this.deliver(event))) return false;
      this.position = event.seq;
    }
    return true;
  }

  /** The whole batch through `handleBatch`, when the consumer has one; false to go one by one. */
  private async deliverAll(events: EventEnvelope[]): Promise<boolean> {
    if (!this.handler.handleBatch || this.failing) return false;
    try {
      await this.handler.handleBatch(
        events.map((e) => this.deps.registry.instantiate(e)),
        this.context(false),
      );
      this.counts.handled += events.length;
      return true;
    } catch (error) {
      this.deps.logger.warn(`Consumer ${this.name} failed on a batch of ${events.length}; trying one by one: ${message(error)}`);
      return false;
    }
  }

  /** True when the consumer is done with the event (handled, or parked after its last attempt). */
  private async deliver(event: EventEnvelope): Promise<boolean> {
    try {
      await this.handler.handle(this.deps.registry.instantiate(event), this.context(false));
      this.counts.handled++;
      if (this.failing?.eventId === event.id) this.deps.logger.log(`Consumer ${this.name} handled ${event.type} #${event.seq} after a retry`);
      this.failing = null;
      return true;
    } catch (error) {
      this.counts.failures++;
      const attempts = this.failing?.eventId === event.id ? this.failing.attempts + 1 : 1;
      const reason = message(error);
      if (attempts >= this.deps.options.maxAttempts) {
        // Parked before moving on, so nothing is dropped silently; if parking fails, the pass throws and retries.
        if (this.shared) await this.deps.deadLetters.park(this.name, event, attempts, reason);
        this.deps.logger.error(
          `Consumer ${this.name} gave up on ${event.type} #${event.seq} after ${attempts} attempts` +
            `${this.shared ? ' and parked it as a dead letter' : ''}: ${reason}`,
        );
        this.counts.parked++;
        this.failing = null;
        return true;
      }
      this.failing = { eventId: event.id, seq: event.seq, type: event.type, attempts, error: reason, since: this.failing?.since ?? new Date() };
      const delay = retryDelay(attempts, this.deps.options);
      this.retryAt = Date.now() + delay;
      this.deps.logger.warn(`Consumer ${this.name} failed on ${event.type} #${event.seq} (attempt ${attempts}); retrying in ${delay} ms: ${reason}`);
      if (this.shared) await this.deps.subscriptions.fail(this.name, this.deps.owner, this.failing).catch(() => undefined);
      return false;
    }
  }

  private context(rebuilding: boolean, collection?: mongo.Collection): HandlerContext {
    const projection = this.definition.projection;
    return { rebuilding, collection: collection ?? (projection ? this.deps.store.collection(projection.collection) : undefined) };
  }

  /**
   * Writes the checkpoint: at once after handling events; lazily (once a second) when the position
   * only moved past events of other types, which saves a write per commit per consumer.
   */
  private async persist(handled: boolean): Promise<void> {
    if (!this.shared || !this.holdsLease || this.position <= this.persisted) return;
    const now = Date.now();
    if (!handled && now - this.persistedAt < this.deps.options.pollIntervalMs) return;
    const doc = await this.deps.subscriptions.advance(this.name, this.deps.owner, this.position, this.deps.options.leaseMs, new Date(now));
    if (!doc) return this.lostLease();
    this.persisted = this.position;
    this.persistedAt = now;
    this.leaseUntil = now + this.deps.options.leaseMs;
    this.rebuildRequestedAt = doc.rebuildRequestedAt;
  }

  /** Holds (or takes) the lease; renews it well before it expires. */
  private async ensureLease(now: number): Promise<boolean> {
    const { leaseMs } = this.deps.options;
    if (this.holdsLease && this.leaseUntil - now > leaseMs * 0.8) return true;
    const doc = await this.deps.subscriptions.acquire(this.name, this.deps.owner, leaseMs, new Date(now));
    if (!doc) {
      if (this.holdsLease) this.lostLease();
      return false;
    }
    if (!this.holdsLease) this.tookLease(doc);
    this.holdsLease = true;
    this.leaseUntil = now + leaseMs;
    this.rebuildRequestedAt = doc.rebuildRequestedAt;
    return true;
  }

  /** A new holder starts from the stored checkpoint, whatever this process saw before. */
  private tookLease(doc: SubscriptionDocument): void {
    this.position = this.persisted = doc.seq;
    this.pending = [];
    this.failing = null;
    this.deps.logger.log(`Consumer ${this.name} runs here from #${doc.seq}`);
  }

  private lostLease(): void {
    this.deps.logger.warn(`Consumer ${this.name} lost its lease; another instance runs it now`);
    this.holdsLease = false;
    this.pending = [];
  }

  private async releaseLease(): Promise<void> {
    if (!this.holdsLease) return;
    try {
      await this.persist(true);
      await this.deps.subscriptions.release(this.name, this.deps.owner);
    } catch (error) {
      this.deps.logger.debug(`Consumer ${this.name}: lease not released (it expires by itself): ${message(error)}`);
    }
    this.holdsLease = false;
  }

  /** Dead letters an admin asked to retry: handled once each, then delivered or parked again. */
  private async retryParked(now: number): Promise<void> {
    if (!this.deadLetterRetryAsked && now - this.deadLettersCheckedAt < this.deps.options.pollIntervalMs) return;
    this.deadLetterRetryAsked = false;
    this.deadLettersCheckedAt = now;
    for (const letter of await this.deps.deadLetters.retrying(this.name, 20)) {
      const event = await this.deps.log.get(letter.eventId);
      if (!event) {
        await this.deps.deadLetters.transition(letter._id, 'retrying', 'skipped', { error: 'the event is no longer in the log' });
        continue;
      }
      try {
        await this.handler.handle(this.deps.registry.instantiate(event), this.context(false));
        await this.deps.deadLetters.transition(letter._id, 'retrying', 'delivered');
        this.deps.logger.log(`Consumer ${this.name} delivered dead letter ${event.type} #${event.seq} on retry`);
      } catch (error) {
        await this.deps.deadLetters.transition(letter._id, 'retrying', 'parked', { attempts: letter.attempts + 1, error: message(error) });
      }
    }
  }

  private async rebuild(requestedAt: Date): Promise<void> {
    const projection = this.definition.projection;
    if (!projection) throw new Error(`Consumer ${this.name} is not a projection and cannot be rebuilt`);
    const started = Date.now();
    const result = await rebuildProjection({
      collection: projection.collection,
      types: this.types,
      store: this.deps.store,
      log: this.deps.log,
      batchSize: 1000,
      apply: (event, collection) => this.handler.handle(this.deps.registry.instantiate(event), this.context(true, collection)),
      keepLease: async () => {
        if (!(await this.ensureLease(Date.now()))) throw new Error(`lost the lease of ${this.name} during its rebuild`);
      },
    });
    if (!(await this.deps.subscriptions.finishRebuild(this.name, this.deps.owner, requestedAt, result.throughSeq, result.events))) {
      return this.lostLease();
    }
    this.position = this.persisted = result.throughSeq;
    this.pending = [];
    this.rebuildRequestedAt = null;
    this.deps.logger.log(`Rebuilt ${this.name} from ${result.events} event(s) through #${result.throughSeq} in ${Date.now() - started} ms`);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
