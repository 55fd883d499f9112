import type { EventBus } from '@nestjs/cqrs';
import { EventDispatcher, EventRegistry, EventRelay, resolveEventsOptions, type EventDocument, type EventStore, type RelayLease } from '../src';
import { PartnerInvited, ProjectProposed } from './fixtures';
import { waitFor } from './wait-for';

function doc(seq: number, type = 'PartnerInvited', attempts = 0): EventDocument {
  return {
    _id: `e${seq}`,
    seq,
    type,
    aggregateType: 'project',
    aggregateId: 'p1',
    actor: { userId: null, cityId: null },
    correlationId: 'c',
    causationId: null,
    at: new Date(0),
    data: type === 'PartnerInvited' ? { cityId: 'x' } : { title: 't' },
    dispatchedAt: null,
    claimId: null,
    attempts,
    nextAttemptAt: null,
  };
}

function setUp(due: () => Promise<EventDocument[]>, holdsLease = true) {
  const registry = new EventRegistry();
  registry.register([ProjectProposed, PartnerInvited]);
  const options = resolveEventsOptions({ relay: { intervalMs: 5, delayMs: 50, batchSize: 10 } });
  const store = {
    findDue: jest.fn(due),
    claim: jest.fn(async (id: string) => `claim-${id}`),
    release: jest.fn(async () => true),
  };
  const lease = { acquire: jest.fn(async () => holdsLease), release: jest.fn(async () => undefined) };
  const bus = { publish: jest.fn() };
  const dispatcher = new EventDispatcher(store as unknown as EventStore, registry, bus as unknown as EventBus, options);
  const relay = new EventRelay(store as unknown as EventStore, dispatcher, registry, lease as unknown as RelayLease, options);
  return { relay, store, lease, bus };
}

describe('EventRelay', () => {
  it('publishes the due events of registered types in seq order, with their attempts', async () => {
    const { relay, store, bus } = setUp(async () => [doc(3), doc(4, 'ProjectProposed', 2)]);
    expect(await relay.runOnce()).toBe(2);
    expect(store.findDue).toHaveBeenCalledWith(expect.arrayContaining(['PartnerInvited', 'ProjectProposed']), 50, 10, expect.any(Date));
    expect(bus.publish.mock.calls.map(([e]) => [e.constructor, e.seq])).toEqual([
      [PartnerInvited, 3],
      [ProjectProposed, 4],
    ]);
  });

  it('does nothing without the lease', async () => {
    const { relay, store, bus } = setUp(async () => [doc(1)], false);
    expect(await relay.runOnce()).toBe(0);
    expect(store.findDue).not.toHaveBeenCalled();
    expect(bus.publish).not.toHaveBeenCalled();
  });

  it('keeps polling after MongoDB failures and stops cleanly, handing the lease over', async () => {
    let calls = 0;
    const { relay, bus, lease } = setUp(async () => {
      calls++;
      if (calls <= 2) throw new Error('connection refused');
      return calls === 3 ? [doc(1)] : [];
    });
    relay.start();
    await waitFor(() => bus.publish.mock.calls.length === 1);
    await relay.stop();
    expect(relay.isRunning).toBe(false);
    expect(lease.release).toHaveBeenCalled();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls).toBe(after); // no timer left behind
  });
});
