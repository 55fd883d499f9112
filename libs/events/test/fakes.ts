import type { ClientSession, Connection } from 'mongoose';
import { CommitSignal, EventRegistry, UnitOfWork, type EventDraft, type EventEnvelope, type EventStore } from '../src';

/** In-memory stand-ins for the MongoDB side, to test the backbone's logic without I/O. */
export class FakeStore {
  readonly appended: EventEnvelope[] = [];
  private seq = 0;

  async append(drafts: readonly EventDraft[], _session: ClientSession): Promise<EventEnvelope[]> {
    const stored = drafts.map((d) => ({ ...d, seq: ++this.seq }));
    this.appended.push(...stored);
    return stored;
  }
}

/** `transaction()` like mongoose's: runs the work, retrying it `transientFailures` times first. */
export function fakeConnection(transientFailures = 0): Connection & { attempts: number } {
  const connection = {
    attempts: 0,
    async transaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
      for (;;) {
        connection.attempts++;
        const result = await fn({} as ClientSession);
        if (connection.attempts > transientFailures) return result;
        // The commit failed with a TransientTransactionError: the driver runs the callback again.
      }
    },
  };
  return connection as unknown as Connection & { attempts: number };
}

export function backbone(options: { transientFailures?: number } = {}) {
  const registry = new EventRegistry();
  const store = new FakeStore();
  const signal = new CommitSignal();
  const committed = jest.spyOn(signal, 'committed');
  const connection = fakeConnection(options.transientFailures);
  const unitOfWork = new UnitOfWork(connection, store as unknown as EventStore, registry, signal);
  return { registry, store, signal, committed, connection, unitOfWork };
}
