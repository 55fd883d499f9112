import { GetAggregateEvents, type EventEnvelope } from '@app/events';
import type { QueryBus } from '@nestjs/cqrs';
import type { AuthUser } from '../../auth/contracts';
import { CanViewPracticeQuery, ListPracticeEventsQuery } from '../../practices/contracts';
import { CanViewProjectQuery, PROJECT_AGGREGATE } from '../../projects/contracts';
import { practiceRoom, projectRoom } from '../contracts';
import { toPracticeEventMessage, toProjectEventMessage } from '../event-message';
import type { WatchKey } from './watch-payload';

/**
 * Most events one watch ack carries. A longer history is paged: the ack then says `hasMore: true`
 * with its `lastSeq`, and the client watches again from there (docs/events.md).
 */
export const MAX_REPLAY = 1000;

/** Something a socket can watch: how to name its room, check the viewer's rights and replay. */
export interface WatchTarget<M> {
  /** The payload field naming it, and the word for messages (`project`, `practice`). */
  key: WatchKey;
  noun: string;
  room(id: string): string;
  canView(queries: QueryBus, id: string, user: AuthUser): Promise<boolean>;
  /** At most `limit` of the events after `afterSeq` this user may see, in seq order. */
  replay(queries: QueryBus, id: string, user: AuthUser, afterSeq: number, limit: number): Promise<EventEnvelope[]>;
  toMessage(event: EventEnvelope): M;
}

const viewerOf = (user: AuthUser) => ({ userId: user.id, cityId: user.cityId, role: user.role });

export const PROJECT_WATCH: WatchTarget<ReturnType<typeof toProjectEventMessage>> = {
  key: 'projectId',
  noun: 'project',
  room: projectRoom,
  canView: (queries, id, user) => queries.execute(new CanViewProjectQuery(id, viewerOf(user))),
  replay: (queries, id, _user, afterSeq, limit) => queries.execute(new GetAggregateEvents(PROJECT_AGGREGATE, id, { afterSeq, limit })),
  toMessage: toProjectEventMessage,
};

/** Practices filter their events by moderation rules (reports, hidden comments): the replay asks the module. */
export const PRACTICE_WATCH: WatchTarget<ReturnType<typeof toPracticeEventMessage>> = {
  key: 'practiceId',
  noun: 'practice',
  room: practiceRoom,
  canView: (queries, id, user) => queries.execute(new CanViewPracticeQuery(id, viewerOf(user))),
  replay: async (queries, id, user, afterSeq, limit) =>
    (await queries.execute(new ListPracticeEventsQuery(id, viewerOf(user), afterSeq, limit))) ?? [],
  toMessage: toPracticeEventMessage,
};
