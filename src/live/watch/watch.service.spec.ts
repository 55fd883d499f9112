import type { EventEnvelope } from '@app/events';
import type { QueryBus } from '@nestjs/cqrs';
import type { Socket } from 'socket.io';
import { WatchService } from './watch.service';
import { MAX_REPLAY, type WatchTarget } from './watch-targets';

/** A target whose history is the given seqs; like practices, it may skip seqs a viewer cannot see. */
function targetOver(seqs: number[]): WatchTarget<number> {
  return {
    key: 'practiceId',
    noun: 'practice',
    room: (id) => `practice:${id}`,
    canView: async () => true,
    replay: async (_queries, _id, _user, afterSeq, limit) =>
      seqs
        .filter((s) => s > afterSeq)
        .slice(0, limit)
        .map((seq) => ({ seq }) as EventEnvelope),
    toMessage: (event) => event.seq,
  };
}

const socket = {
  data: { user: { id: 'u1', role: 'city', cityId: 'c1' } },
  join: async () => undefined,
  leave: async () => undefined,
} as unknown as Socket;
const service = new WatchService({} as QueryBus);

describe('watch replay paging', () => {
  it('pages a history longer than MAX_REPLAY and says where to go on', async () => {
    const seqs = Array.from({ length: 2 * MAX_REPLAY + 5 }, (_, i) => 3 * i + 1); // gaps, as a filtered history has
    const target = targetOver(seqs);
    const received: number[] = [];
    let sinceSeq = 0;
    for (let pages = 1; ; pages++) {
      const ack = await service.watch(target, socket, { practiceId: 'p1', sinceSeq });
      if (!ack.ok) throw new Error(ack.error);
      received.push(...ack.missed);
      if (!ack.hasMore) {
        expect(pages).toBe(3);
        expect(ack).not.toHaveProperty('lastSeq');
        break;
      }
      expect(ack.missed).toHaveLength(MAX_REPLAY);
      expect(ack.lastSeq).toBe(ack.missed.at(-1));
      sinceSeq = ack.lastSeq!;
    }
    expect(received).toEqual(seqs);
  });

  it('answers a history of exactly MAX_REPLAY in one ack, without the paging fields', async () => {
    const seqs = Array.from({ length: MAX_REPLAY }, (_, i) => i + 1);
    expect(await service.watch(targetOver(seqs), socket, { practiceId: 'p1', sinceSeq: 0 })).toEqual({ ok: true, missed: seqs });
  });
});
