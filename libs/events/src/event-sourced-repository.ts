import type { ClientSession } from 'mongoose';
import { retryOnStale, SerialByKey } from '@app/domain';
import { ConflictError, duplicateKeyConflict } from './conflict-error';
import type { AggregateRoot } from './aggregate-root';
import type { CommandContext, EventEnvelope } from './event-envelope';
import { isDuplicateKeyError } from './mongo-errors';
import type { Transaction, UnitOfWork } from './unit-of-work';

/**
 * Base of every aggregate repository. Its only public write is `save`, which stores the new state
 * (`persist`, written by the subclass) and the aggregate's pending events in one transaction, so
 * no code path can change an aggregate without recording what happened.
 *
 * `persist` inserts when `aggregate.version === 0`, else updates with the filter
 * `{ _id, version: aggregate.version }` and `version: aggregate.version + 1`, and throws
 * `this.staleVersion(aggregate)` when nothing matched. It may run more than once per save (the
 * driver retries transient transaction errors), so it must only write through `session`.
 */
export abstract class EventSourcedRepository<A extends AggregateRoot<any>> {
  /** The `aggregateType` of this aggregate's events, e.g. `project`. */
  protected abstract readonly aggregateType: string;

  /** Commands on one aggregate in this process, one after another (see `changeWithRetry`). */
  private readonly serial = new SerialByKey();

  constructor(protected readonly unitOfWork: UnitOfWork) {}

  /**
   * Load → work → save for a command that carries no version of the client's. In this process the
   * commands on one aggregate run in turn (no reload for a collision between them); a stale version
   * left over (another instance saved in between) runs the work again on the fresh state, after a
   * jittered backoff, up to `maxAttempts` tries. The rules are checked again each time, so a change
   * that became illegal meanwhile is still refused with its own error.
   */
  protected changeWithRetry<T>(id: string, maxAttempts: number, load: (id: string) => Promise<A>, work: (aggregate: A) => Promise<T>): Promise<T> {
    return this.serial.run(id, () => retryOnStale(this.aggregateType, maxAttempts, async () => work(await load(id))));
  }

  /** Stores the aggregate and its events atomically, publishes the events, returns them in seq order. */
  save(aggregate: A, ctx: CommandContext): Promise<EventEnvelope[]> {
    return this.saveWith(aggregate, ctx, async () => undefined);
  }

  /**
   * `save` plus more writes in the same transaction (e.g. a child document the aggregate produced).
   * `alsoWrite` must only write through `tx.session` and may run more than once.
   */
  protected async saveWith(aggregate: A, ctx: CommandContext, alsoWrite: (tx: Transaction) => Promise<void>): Promise<EventEnvelope[]> {
    // Pulled once, before the transaction: a retried attempt must record the same events.
    const events = aggregate.pullPendingEvents();
    const { events: stored } = await this.unitOfWork.run(ctx, async (tx) => {
      try {
        await this.persist(aggregate, tx.session);
        await alsoWrite(tx);
      } catch (error) {
        throw isDuplicateKeyError(error) ? this.duplicateKey(error) : error;
      }
      tx.record(this.aggregateType, aggregate.id, events);
    });
    return stored;
  }

  protected abstract persist(aggregate: A, session: ClientSession): Promise<void>;

  /** The error `persist` throws when the stored version moved on since the aggregate was loaded. */
  protected staleVersion(aggregate: A): ConflictError {
    return new ConflictError(
      `${this.aggregateType}.stale-version`,
      `${this.aggregateType} ${aggregate.id} was changed by someone else since version ${aggregate.version}; reload and retry`,
    );
  }

  /** A unique index refused the write; override to word it for users (e.g. "a city with this name exists"). */
  protected duplicateKey(error: unknown): ConflictError {
    return duplicateKeyConflict(this.aggregateType, error);
  }
}
