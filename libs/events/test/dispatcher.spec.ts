import { DomainEvent } from '../src';
import { backbone } from './fakes';
import { context, PartnerInvited, ProjectProposed } from './fixtures';

function setUp(bus?: { publish: jest.Mock }) {
  const b = backbone({ relay: { backoffBaseMs: 1000, backoffMaxMs: 30_000 }, bus });
  b.registry.register([ProjectProposed, PartnerInvited]);
  return b;
}

async function storeOne(b: ReturnType<typeof setUp>) {
  const { events } = await b.unitOfWork.run(context(), async (tx) =>
    tx.record('project', 'p1', [{ type: 'PartnerInvited', data: { cityId: 'c2' } }]),
  );
  return events[0]!;
}

describe('EventDispatcher', () => {
  it('claims an event before publishing it, so a handler failing synchronously releases that claim', async () => {
    const b = setUp();
    b.bus.publish.mockImplementation((event: DomainEvent) => {
      // What the CQRS EventBus does with a handler that throws: report it during publish().
      expect(b.store.claimed.has(event.id)).toBe(true);
      void b.dispatcher.redeliverLater(event, new Error('handler down'));
    });
    const before = Date.now();
    const event = await storeOne(b);
    await new Promise((resolve) => setImmediate(resolve));

    expect(b.store.released).toHaveLength(1);
    expect(b.store.released[0]!.id).toBe(event.id);
    expect(b.store.released[0]!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 1000);
    expect(b.store.claimed.has(event.id)).toBe(false);
  });

  it('releases once per delivery even when several handlers fail', async () => {
    const b = setUp();
    await storeOne(b);
    const published = b.bus.publish.mock.calls[0]![0] as DomainEvent;
    await b.dispatcher.redeliverLater(published, new Error('a'));
    await b.dispatcher.redeliverLater(published, new Error('b'));
    expect(b.store.released).toHaveLength(1);
  });

  it('leaves an event whose publish throws to the relay, with a growing backoff', async () => {
    const b = setUp({
      publish: jest.fn(() => {
        throw new Error('bus down');
      }),
    });
    const event = await storeOne(b); // does not throw: the write is committed
    expect(b.store.released.map((r) => r.id)).toEqual([event.id]);

    const now = Date.now();
    expect(await b.dispatcher.dispatchOne(event, 3)).toBe(false);
    const third = b.store.released[1]!.nextAttemptAt.getTime() - now;
    expect(third).toBeGreaterThanOrEqual(8000);
    expect(third).toBeLessThan(9000);
  });

  it('does not publish an event another process has claimed', async () => {
    const b = setUp();
    const event = await storeOne(b);
    b.bus.publish.mockClear();
    expect(await b.dispatcher.dispatchOne(event, 0)).toBe(false);
    expect(b.bus.publish).not.toHaveBeenCalled();
  });
});
