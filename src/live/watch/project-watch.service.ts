import { GetAggregateEvents } from '@app/events';
import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Socket } from 'socket.io';
import { CanViewProjectQuery, PROJECT_AGGREGATE } from '../../projects/contracts';
import { projectRoom, type UnwatchAck, type WatchAck } from '../contracts';
import { socketUser } from '../auth/socket-user';
import { toProjectEventMessage } from '../project-event-message';
import { parseUnwatch, parseWatch } from './watch-payload';

/** Most events one watch replays; a client that gets this many watches again from the last seq. */
export const MAX_REPLAY = 1000;

/**
 * `project:watch`: checks the viewer's rights on every watch, joins the project's room, then
 * replays the events after `sinceSeq` from the event log. Joining before reading means an event
 * committed meanwhile may come both live and in `missed` (clients keep the highest seq seen and
 * drop what they already have), but none is lost between the two.
 */
@Injectable()
export class ProjectWatchService {
  private readonly logger = new Logger(ProjectWatchService.name);

  constructor(private readonly queries: QueryBus) {}

  async watch(socket: Socket, body: unknown): Promise<WatchAck> {
    const parsed = parseWatch(body);
    if (!parsed.ok) return parsed;
    const { projectId, sinceSeq } = parsed.value;
    const user = socketUser(socket);

    let allowed: boolean;
    try {
      allowed = await this.queries.execute(new CanViewProjectQuery(projectId, { userId: user.id, cityId: user.cityId, role: user.role }));
    } catch (error) {
      this.logger.warn(`project:watch ${projectId}: the rights check failed: ${String(error)}`);
      return { ok: false, error: 'unavailable: try again shortly' };
    }
    if (!allowed) return { ok: false, error: 'forbidden: you may not see this project' };

    const room = projectRoom(projectId);
    await socket.join(room);
    if (sinceSeq === undefined) return { ok: true, missed: [] };
    try {
      const events = await this.queries.execute(new GetAggregateEvents(PROJECT_AGGREGATE, projectId, { afterSeq: sinceSeq, limit: MAX_REPLAY }));
      return { ok: true, missed: events.map(toProjectEventMessage) };
    } catch (error) {
      await socket.leave(room);
      this.logger.warn(`project:watch ${projectId}: replay failed: ${String(error)}`);
      return { ok: false, error: 'unavailable: try again shortly' };
    }
  }

  async unwatch(socket: Socket, body: unknown): Promise<UnwatchAck> {
    const parsed = parseUnwatch(body);
    if (!parsed.ok) return parsed;
    await socket.leave(projectRoom(parsed.value.projectId));
    return { ok: true };
  }
}
