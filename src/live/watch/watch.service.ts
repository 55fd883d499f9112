import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Socket } from 'socket.io';
import { socketUser } from '../auth/socket-user';
import type { UnwatchAck, WatchAck } from '../contracts';
import { parseUnwatch, parseWatch } from './watch-payload';
import { MAX_REPLAY, type WatchTarget } from './watch-targets';

/**
 * `project:watch` / `practice:watch`: checks the viewer's rights on every watch, joins the room,
 * then replays the events after `sinceSeq` from the event log. Joining before reading means an
 * event committed meanwhile may come both live and in `missed` (clients keep the highest seq seen
 * and drop what they already have), but none is lost between the two. A replay longer than
 * MAX_REPLAY is paged (`hasMore`, `lastSeq`); the fields are absent from a complete one, so the
 * ack of clients written before paging is unchanged.
 */
@Injectable()
export class WatchService {
  private readonly logger = new Logger(WatchService.name);

  constructor(private readonly queries: QueryBus) {}

  async watch<M>(target: WatchTarget<M>, socket: Socket, body: unknown): Promise<WatchAck<M>> {
    const parsed = parseWatch(target.key, body);
    if (!parsed.ok) return parsed;
    const { id, sinceSeq } = parsed.value;
    const user = socketUser(socket);
    let allowed: boolean;
    try {
      allowed = await target.canView(this.queries, id, user);
    } catch (error) {
      this.logger.warn(`${target.noun}:watch ${id}: the rights check failed: ${String(error)}`);
      return { ok: false, error: 'unavailable: try again shortly' };
    }
    if (!allowed) return { ok: false, error: `forbidden: you may not see this ${target.noun}` };

    const room = target.room(id);
    await socket.join(room);
    if (sinceSeq === undefined) return { ok: true, missed: [] };
    try {
      // One more than a page tells whether the history goes on, without a count.
      const events = await target.replay(this.queries, id, user, sinceSeq, MAX_REPLAY + 1);
      if (events.length <= MAX_REPLAY) return { ok: true, missed: events.map((e) => target.toMessage(e)) };
      const page = events.slice(0, MAX_REPLAY);
      return { ok: true, missed: page.map((e) => target.toMessage(e)), hasMore: true, lastSeq: page[page.length - 1].seq };
    } catch (error) {
      await socket.leave(room);
      this.logger.warn(`${target.noun}:watch ${id}: replay failed: ${String(error)}`);
      return { ok: false, error: 'unavailable: try again shortly' };
    }
  }

  async unwatch(target: WatchTarget<unknown>, socket: Socket, body: unknown): Promise<UnwatchAck> {
    const parsed = parseUnwatch(target.key, body);
    if (!parsed.ok) return parsed;
    await socket.leave(target.room(parsed.value.id));
    return { ok: true };
  }
}
