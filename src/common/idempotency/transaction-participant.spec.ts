import { CommitSignal, EventRegistry, UnitOfWork, withTransactionParticipant, type EventStore } from '@app/events';
import type { ClientSession, Connection } from 'mongoose';

/** The hook the idempotency interceptor relies on: its write joins each transaction of the command, and only those. */
describe('withTransactionParticipant (UnitOfWork)', () => {
  const context = { actor: { userId: 'u1', cityId: 'c1' }, role: 'city' as const, correlationId: 'req-1' };

  function setUp(transientFailures = 0) {
    const log: string[] = [];
    let attempts = 0;
    const connection = {
      async transaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
        for (;;) {
          const result = await fn({ id: ++attempts } as unknown as ClientSession);
          if (attempts > transientFailures) return result;
        }
      },
    } as unknown as Connection;
    const store = { append: async () => [{ seq: 1 }] } as unknown as EventStore;
    const signal = new CommitSignal();
    const unitOfWork = new UnitOfWork(connection, store, new EventRegistry(), signal);
    const work = (name: string) => () => unitOfWork.run(context, async () => void log.push(name));
    return { log, signal, unitOfWork, work };
  }

  it('runs the participant in every transaction (retries included) after the work, with its session', async () => {
    const { log, work } = setUp(1);
    const sessions: unknown[] = [];
    await withTransactionParticipant(
      async (session) => {
        sessions.push(session);
        log.push('marker');
      },
      async () => {
        await work('first')();
        await work('second')();
      },
    );
    expect(log).toEqual(['first', 'marker', 'first', 'marker', 'second', 'marker']);
    expect(sessions).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });

  it('aborts the transaction when the participant throws', async () => {
    const { work, signal } = setUp();
    const committed = jest.spyOn(signal, 'committed');
    const lost = new Error('lease lost');
    await expect(withTransactionParticipant(() => Promise.reject(lost), work('change'))).rejects.toBe(lost);
    expect(committed).not.toHaveBeenCalled();
  });

  it('does not reach transactions outside its scope, nor work started by the commit signal', async () => {
    const { log, signal, work } = setUp();
    const woken: Promise<unknown>[] = [];
    const stop = signal.listen(() => {
      stop(); // once: the consumer's own commit signals too
      woken.push(work('consumer')());
    });
    await withTransactionParticipant(async () => void log.push('marker'), work('command'));
    await Promise.all(woken);
    await work('other request')();
    expect(log).toEqual(['command', 'marker', 'consumer', 'other request']);
  });
});
