import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { ClientSession, Connection } from 'mongoose';
import type { PendingEvent } from './aggregate-root';
import type { CommandContext, EventEnvelope } from './event-envelope';
import { EventRegistry } from './event-registry';
import { EventStore, type EventDraft } from './event-store';
import { CommitSignal } from './subscriptions/commit-signal';

/** What the work function of `UnitOfWork.run` gets: the session to pass to every write, and `record`. */
export interface Transaction {
  readonly session: ClientSession;
  readonly ctx: CommandContext;
  /**
   * Appends events of one aggregate to this transaction; they are validated now (a bad payload
   * throws and aborts) and stored when the work function returns.
   */
  record(aggregateType: string, aggregateId: string, events: readonly PendingEvent[]): void;
}

export interface UnitOfWorkResult<T> {
  result: T;
  /** The stored events, in seq order. */
  events: EventEnvelope[];
}

/**
 * A write the caller of a command adds to every transaction the command commits, e.g. the HTTP
 * layer's Idempotency-Key record, so "the command's effects are stored" and "this key was used"
 * commit together or not at all. It runs after the work, through `session`, possibly more than once
 * (retried transactions); throwing aborts the transaction.
 */
export type TransactionParticipant = (session: ClientSession) => Promise<void>;

const participants = new AsyncLocalStorage<TransactionParticipant>();

/** Runs `fn` so that every `UnitOfWork.run` it causes (same async context) also runs `participant` in its transaction. */
export function withTransactionParticipant<T>(participant: TransactionParticipant, fn: () => T): T {
  return participants.run(participant, fn);
}

/**
 * One MongoDB transaction for state changes and the events they record; then the consumers are woken.
 *
 * The work function may run more than once (the driver retries TransientTransactionError), so it
 * must not pull pending events itself: pull them before `run` and pass the same array to `record`.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly store: EventStore,
    private readonly registry: EventRegistry,
    private readonly signal: CommitSignal,
  ) {}

  async run<T>(ctx: CommandContext, work: (tx: Transaction) => Promise<T>): Promise<UnitOfWorkResult<T>> {
    let stored: EventEnvelope[] = [];
    const participant = participants.getStore();
    const result = await this.connection.transaction(async (session) => {
      const tx = new RecordingTransaction(session, ctx, this.registry);
      const value = await work(tx);
      if (participant) await participant(session);
      stored = await this.store.append(tx.drafts, session);
      return value;
    });
    // After commit only: a consumer never sees an event whose change was rolled back. Outside the
    // participant's scope: consumers woken from here must not write the caller's record.
    participants.exit(() => this.signal.committed(stored));
    return { result, events: stored };
  }
}

class RecordingTransaction implements Transaction {
  readonly drafts: EventDraft[] = [];

  constructor(
    readonly session: ClientSession,
    readonly ctx: CommandContext,
    private readonly registry: EventRegistry,
  ) {}

  record(aggregateType: string, aggregateId: string, events: readonly PendingEvent[]): void {
    const at = new Date();
    for (const event of events) {
      const cls = this.registry.get(event.type);
      if (cls.aggregateType !== aggregateType) {
        throw new Error(`Event "${event.type}" belongs to aggregate "${cls.aggregateType}", not "${aggregateType}"`);
      }
      this.drafts.push({
        id: randomUUID(),
        type: event.type,
        aggregateType,
        aggregateId,
        actor: { userId: this.ctx.actor.userId ?? null, cityId: this.ctx.actor.cityId ?? null },
        correlationId: this.ctx.correlationId,
        causationId: this.ctx.causationId ?? null,
        at,
        data: this.registry.parse(event.type, event.data),
      });
    }
  }
}
