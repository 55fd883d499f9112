import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Socket } from 'socket.io';
import { socketUser } from '../auth/socket-user';
import type { UnwatchAck, WatchAck } from '../contracts';
import { parseUnwatch, parseWatch } from './watch-payload';
import type { WatchTarget } from './watch-targets';

/**
 * `project:watch` / `practice:watch`: checks the viewer's rights on every watch, joins the room,
 * then replays the events after `sinceSeq` from the event log. Joining before reading means an
 * event committed meanwhile may come both live and in `missed` (clients keep the highest seq seen
 * and drop what they already have), but none is lost between the two.
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
      return { ok: true, missed: (await target.replay(this.queries, id, user, sinceSeq)).map((e) => target.toMessage(e)) };
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
