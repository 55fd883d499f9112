/**
 * Base of every aggregate. It has no framework imports on purpose: an aggregate is state plus
 * rules, and records what happened as pending events that its repository stores in the same
 * transaction as the new state (see EventStore / TransactionalSaver).
 *
 * `E` maps each event type of the aggregate to its payload, so `record('PartnerInvited', {...})`
 * is type-checked against the payload declared in the module's `domain/events.ts`.
 */
export interface PendingEvent<E extends EventMap = EventMap, K extends keyof E & string = keyof E & string> {
  type: K;
  data: E[K];
}

export type EventMap = Record<string, object>;

export abstract class AggregateRoot<E extends EventMap = EventMap> {
  private pending: PendingEvent<E>[] = [];

  /** Optimistic-concurrency version: the stored version this instance was loaded at (0 = new). */
  abstract readonly id: string;
  abstract readonly version: number;

  protected record<K extends keyof E & string>(type: K, data: E[K]): void {
    this.pending.push({ type, data } as PendingEvent<E>);
  }

  /** Events recorded since load, in order; the repository calls this once while saving. */
  pullPendingEvents(): PendingEvent<E>[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  get hasPendingEvents(): boolean {
    return this.pending.length > 0;
  }
}
