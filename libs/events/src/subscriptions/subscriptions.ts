import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EventRegistrationError } from '../event-errors';
import { EventLog } from '../event-log';
import { EventRegistry } from '../event-registry';
import { EventStore } from '../event-store';
import { EVENTS_OPTIONS, type ResolvedEventsOptions } from '../events.options';
import { CommitSignal } from './commit-signal';
import { DeadLetterStore, type DeadLetter, type DeadLetterStatus } from './dead-letter-store';
import { EVENT_CONSUMER, type ConsumerScope, type EventConsumerDefinition, type EventHandlerOf } from './event-consumer';
import { SubscriptionRunner } from './subscription-runner';
import { SubscriptionStore, type FailingEvent, type SubscriptionDocument } from './subscription-store';

/** One consumer as operators see it (`/health`, `/metrics`). */
export interface ConsumerStatus {
  name: string;
  scope: ConsumerScope;
  /** Every event up to this seq is handled (the stored checkpoint for shared consumers). */
  checkpoint: number;
  head: number;
  lag: number;
  /** Behind the head with a checkpoint that has not moved for `stuckAfterMs`. */
  stuck: boolean;
  /** Whether this process runs it now (holds its lease, for a shared consumer). */
  runsHere: boolean;
  failing: FailingEvent | null;
  /** Counts of this process since start. */
  handled: number;
  failures: number;
  parked: number;
}

/** Thrown for an operator's request that names no such thing or cannot be done now (→ 404 / 409 at the edge). */
export class SubscriptionRequestError extends Error {
  override readonly name = 'SubscriptionRequestError';
  constructor(
    readonly reason: 'not-found' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Finds every `@EventConsumer` provider at start-up and runs one `SubscriptionRunner` each, woken
 * by commits (this process's and, through the nudge, the others'). Also the operator's handle on
 * them: status, dead letters, projection rebuilds.
 */
@Injectable()
export class Subscriptions implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Subscriptions');
  private readonly runners = new Map<string, SubscriptionRunner>();
  private stopListening: (() => void) | null = null;
  /** This process as a lease owner: readable in the `subscriptions` collection. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly registry: EventRegistry,
    private readonly log: EventLog,
    private readonly store: EventStore,
    private readonly subscriptions: SubscriptionStore,
    private readonly deadLetters: DeadLetterStore,
    private readonly signal: CommitSignal,
    @Inject(EVENTS_OPTIONS) private readonly options: ResolvedEventsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as EventHandlerOf<any> | undefined;
      if (!instance || typeof wrapper.metatype !== 'function') continue;
      const definition = this.reflector.get<EventConsumerDefinition | undefined>(EVENT_CONSUMER, wrapper.metatype);
      if (definition) this.add(definition, instance);
    }
    if (!this.options.consumers.enabled) return;
    this.stopListening = this.signal.listen((commit) => this.runners.forEach((r) => r.committed(commit)));
    await Promise.all([...this.runners.values()].map((r) => r.start()));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopListening?.();
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
  }

  /** Start-up fails, naming the consumer, for a duplicate name or an event type nobody registered. */
  private add(definition: EventConsumerDefinition, handler: EventHandlerOf<any>): void {
    if (this.runners.has(definition.name)) throw new EventRegistrationError(`Two event consumers are named "${definition.name}"`);
    if (typeof handler.handle !== 'function') throw new EventRegistrationError(`Event consumer "${definition.name}" has no handle(event) method`);
    if (definition.events.length === 0) throw new EventRegistrationError(`Event consumer "${definition.name}" subscribes to no event`);
    for (const cls of definition.events) {
      if (!this.registry.has(cls.type)) {
        throw new EventRegistrationError(`Event consumer "${definition.name}" subscribes to "${cls.type}", which no module registers`);
      }
    }
    const logger = new Logger(`Consumer ${definition.name}`);
    const runner = new SubscriptionRunner(definition, handler, {
      log: this.log,
      registry: this.registry,
      store: this.store,
      subscriptions: this.subscriptions,
      deadLetters: this.deadLetters,
      options: this.options.consumers,
      owner: this.owner,
      logger,
    });
    this.runners.set(definition.name, runner);
  }

  names(): string[] {
    return [...this.runners.keys()];
  }

  /** The consumers that are rebuildable read models. */
  projections(): string[] {
    return [...this.runners.values()].filter((r) => r.isProjection).map((r) => r.name);
  }

  /** Every consumer known to this process, with its lag behind the head of the log. */
  async status(now = Date.now()): Promise<ConsumerStatus[]> {
    const [head, stored] = await Promise.all([this.log.lastSeq(), this.subscriptions.list()]);
    const byName = new Map<string, SubscriptionDocument>(stored.map((d) => [d._id, d]));
    return [...this.runners.values()].map((runner) => {
      const state = runner.state;
      const doc = byName.get(runner.name);
      const checkpoint = runner.shared ? (doc?.seq ?? 0) : state.position;
      const lag = Math.max(0, head - checkpoint);
      // An instance consumer makes progress whenever it is not failing; a shared one when its stored checkpoint moves.
      const since = runner.shared ? (doc?.progressAt?.getTime() ?? 0) : (state.failing?.since.getTime() ?? now);
      return {
        name: runner.name,
        scope: runner.shared ? 'shared' : 'instance',
        checkpoint,
        head,
        lag,
        stuck: lag > 0 && now - since > this.options.consumers.stuckAfterMs,
        runsHere: runner.shared ? state.holdsLease : this.stopListening !== null,
        failing: runner.shared ? (doc?.failing ?? null) : state.failing,
        handled: state.handled,
        failures: state.failures,
        parked: state.parked,
      };
    });
  }

  /**
   * `npm run rebuild:read-models -- NAME`: asks the lease holder of a projection (any instance)
   * to rebuild it and waits; when no instance runs it, this process takes the lease and does it.
   */
  async rebuild(name: string, timeoutMs = 10 * 60_000): Promise<NonNullable<SubscriptionDocument['lastRebuild']>> {
    const runner = this.runners.get(name);
    if (!runner?.isProjection) {
      throw new SubscriptionRequestError('not-found', `No projection named "${name}"; projections: ${this.projections().join(', ') || 'none'}`);
    }
    const requestedAt = new Date();
    await this.subscriptions.requestRebuild(name, requestedAt);
    runner.wake();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const doc = await this.subscriptions.get(name);
      if (doc?.lastRebuild && doc.lastRebuild.requestedAt.getTime() >= requestedAt.getTime()) return doc.lastRebuild;
      if (Date.now() > deadline) throw new Error(`The rebuild of ${name} did not finish within ${timeoutMs} ms`);
      // Nobody holds the lease (no server running it): do it here.
      if (!this.stopListening && doc && (doc.owner === null || doc.leaseUntil.getTime() <= Date.now())) await runner.passOnce();
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  listDeadLetters(filter: { status?: DeadLetterStatus; consumer?: string }, page: number, limit: number) {
    return this.deadLetters.list(filter, page, limit);
  }

  /** Asks the consumer's runner (on whichever instance holds it) to try a parked event again. */
  async retryDeadLetter(id: string): Promise<DeadLetter> {
    const letter = await this.resolve(id, 'parked', 'retrying');
    this.runners.get(letter.consumer)?.retryDeadLetters();
    return letter;
  }

  /** Parked dead letters per consumer. */
  parkedCounts(): Promise<Map<string, number>> {
    return this.deadLetters.countParked();
  }

  async skipDeadLetter(id: string): Promise<DeadLetter> {
    return this.resolve(id, 'parked', 'skipped');
  }

  private async resolve(id: string, from: DeadLetterStatus, to: DeadLetterStatus): Promise<DeadLetter> {
    const moved = await this.deadLetters.transition(id, from, to);
    if (moved) return moved;
    const existing = await this.deadLetters.get(id);
    if (!existing) throw new SubscriptionRequestError('not-found', `Dead letter ${id} does not exist`);
    throw new SubscriptionRequestError('conflict', `Dead letter ${id} is ${existing.status}, not ${from}`);
  }
}
