import { EventConsumer, type EventHandlerOf } from '@app/events';
import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListPracticeEventsQuery, PRACTICE_AGGREGATE_EVENTS, type PracticeAggregateEvent } from '../../practices/contracts';
import { socketUser } from '../auth/socket-user';
import { LiveServerMessages, practiceRoom } from '../contracts';
import { toPracticeEventMessage } from '../event-message';
import { LiveGateway } from '../live.gateway';

/**
 * Every practice event to this instance's sockets watching the practice that may see it: the
 * practices module decides (reports only for admins, a hidden comment only for admins and its
 * author city), once per kind of viewer in the room. A socket that may no longer see the practice
 * (it was hidden) leaves the room. Runs on every instance from the head, like the project one.
 */
@Injectable()
@EventConsumer({ name: 'live.practice-events', events: PRACTICE_AGGREGATE_EVENTS, scope: 'instance' })
export class PracticeEventBroadcaster implements EventHandlerOf<typeof PRACTICE_AGGREGATE_EVENTS> {
  constructor(
    private readonly gateway: LiveGateway,
    private readonly queries: QueryBus,
  ) {}

  async handle(event: PracticeAggregateEvent): Promise<void> {
    const namespace = this.gateway.namespace;
    if (!namespace) return;
    const room = practiceRoom(event.aggregateId);
    const sockets = await namespace.local.in(room).fetchSockets();
    const byViewer = new Map<string, typeof sockets>();
    for (const socket of sockets) {
      const user = socketUser(socket);
      const key = `${user.role}:${user.cityId ?? ''}`;
      byViewer.set(key, [...(byViewer.get(key) ?? []), socket]);
    }
    const message = toPracticeEventMessage(event);
    for (const group of byViewer.values()) {
      const user = socketUser(group[0]);
      const visible = await this.queries.execute(
        new ListPracticeEventsQuery(event.aggregateId, { userId: user.id, cityId: user.cityId, role: user.role }, event.seq - 1, 1),
      );
      if (visible === null) group.forEach((socket) => socket.leave(room));
      else if (visible[0]?.seq === event.seq) group.forEach((socket) => socket.emit(LiveServerMessages.practiceEvent, message));
    }
  }
}
