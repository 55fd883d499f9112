import type { EventBus } from '@nestjs/cqrs';
import type { ClientSession, Connection } from 'mongoose';
import {
  EventDispatcher,
  EventRegistry,
  resolveEventsOptions,
  UnitOfWork,
  type EventDraft,
  type EventEnvelope,
  type EventStore,
  type RelayOptions,
} from '../src';

/** In-memory stand-ins for the MongoDB side, to test the backbone's logic without I/O. */
export class FakeStore {
  readonly appended: EventEnvelope[] = [];
  readonly claimed = new Map<string, string>();
  readonly released: { id: string; claimId: string; nextAttemptAt: Date }[] = [];
  private seq = 0;

  async append(drafts: readonly EventDraft[], _session: ClientSession): Promise<EventEnvelope[]> {
    const stored = drafts.map((d) => ({ ...d, seq: ++this.seq }));
    this.appended.push(...stored);
    return stored;
  }

  async claim(id: string): Promise<string | null> {
    if (this.claimed.has(id)) return null;
    const claimId = `claim-${id}-${this.released.length}`;
    this.claimed.set(id, claimId);
    return claimId;
  }

  async release(id: string, claimId: string, nextAttemptAt: Date): Promise<boolean> {
    if (this.claimed.get(id) !== claimId) return false;
    this.claimed.delete(id);
    this.released.push({ id, claimId, nextAttemptAt });
    return true;
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

export function backbone(options: { transientFailures?: number; relay?: RelayOptions; bus?: Partial<EventBus>; publishAfterCommit?: boolean } = {}) {
  const registry = new EventRegistry();
  const store = new FakeStore();
  const bus = { publish: jest.fn(), ...options.bus } as unknown as EventBus & { publish: jest.Mock };
  const resolved = resolveEventsOptions({ relay: options.relay, publishAfterCommit: options.publishAfterCommit });
  const dispatcher = new EventDispatcher(store as unknown as EventStore, registry, bus, resolved);
  const connection = fakeConnection(options.transientFailures);
  const unitOfWork = new UnitOfWork(connection, store as unknown as EventStore, registry, dispatcher, resolved);
  return { registry, store, bus, dispatcher, connection, unitOfWork };
}
