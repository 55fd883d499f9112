import { AggregateRoot, type EventMap } from '@app/events';

/** Where an aggregate reads the time; specs pass a clock they move by hand. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/**
 * An aggregate whose whole state is one snapshot (what its repository stores), with the clock it
 * reads the time from. The snapshot is deep-copied in and out, so neither the caller nor the
 * repository can change the aggregate behind its back. Subclasses add the use cases and a
 * `static restore(snapshot, clock)` that rebuilds a stored one.
 */
export abstract class SnapshotAggregate<E extends EventMap, S extends { id: string; version: number }> extends AggregateRoot<E> {
  protected state: S;

  protected constructor(
    state: S,
    protected readonly clock: Clock,
  ) {
    super();
    this.state = structuredClone(state);
  }

  get id(): string {
    return this.state.id;
  }
  /** The stored version it was loaded at (0 = new). */
  get version(): number {
    return this.state.version;
  }

  /** A copy of the whole state, for the repository. */
  toSnapshot(): S {
    return structuredClone(this.state);
  }
}
