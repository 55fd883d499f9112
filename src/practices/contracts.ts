/**
 * The practices module's public surface: the only file other modules may import from
 * `src/practices`. Event classes (for `@EventsHandler` and subscriptions), their union types, and
 * the queries other modules (live gateway, notifications, insight, partner suggestions) may send
 * through the QueryBus.
 */
import type { EventEnvelope } from '@app/events';
import { Query } from '@nestjs/cqrs';
import type { CreativeField, Sdg } from '../shared/reference-data';
import type { PracticeViewer } from './domain/practice-policy';
import type { PracticeLanguage, PracticeStatus } from './domain/practice-state';

export { PRACTICE_EVENT_TYPES, PRACTICE_EVENTS, type PracticeEvent, type PracticeEventType, type PracticesEventMap } from './domain/events';
export {
  CommentHidden,
  CommentReported,
  CommentUnhidden,
  PRACTICE_AGGREGATE,
  PRACTICE_AGGREGATE_EVENTS,
  PracticeCommented,
  PracticeEndorsed,
  PracticeEndorsementWithdrawn,
  PracticeHidden,
  PracticeReported,
  PracticeShared,
  PracticeUnhidden,
  PracticeUpdated,
  type PracticeAggregateEvent,
  type PracticeChanges,
  type PracticeEventMap,
} from './domain/practice-events';
export {
  EXCHANGE_AGGREGATE,
  EXCHANGE_EVENTS,
  ExchangeAccepted,
  ExchangeCancelled,
  ExchangeCompleted,
  ExchangeDeclined,
  ExchangeRequested,
  type ExchangeEvent,
  type ExchangeEventMap,
} from './domain/exchange-events';

// Commands and the list query the demo seeder (src/demo) plays the scenario with.
export { SharePracticeCommand } from './commands/share-practice/share-practice.command';
export { EndorsePracticeCommand } from './commands/endorse-practice/endorse-practice.command';
export { CommentOnPracticeCommand } from './commands/comment-on-practice/comment-on-practice.command';
export { RequestExchangeCommand } from './commands/request-exchange/request-exchange.command';
export { AcceptExchangeCommand } from './commands/accept-exchange/accept-exchange.command';
export { CompleteExchangeCommand } from './commands/complete-exchange/complete-exchange.command';
export { ListPracticesQuery } from './queries/list-practices/list-practices.query';

/** Who asks (`role: null` = anonymous; `system`, for scripts, sees what admins see); the projects module's viewer fits. */
export type { PracticeViewer } from './domain/practice-policy';

/** What other modules need of a practice, without its text. */
export interface PracticeSummary {
  id: string;
  title: string;
  authorCityId: string;
  field: CreativeField;
  sdgs: Sdg[];
  language: PracticeLanguage;
  status: PracticeStatus;
  endorsementCount: number;
}

/** A practice, whatever its status (`null` when it does not exist); check `CanViewPracticeQuery` before showing it. */
export class GetPracticeSummaryQuery extends Query<PracticeSummary | null> {
  constructor(readonly practiceId: string) {
    super();
  }
}

/**
 * Whether `viewer` may see the practice (and so watch it live): published ones are public, hidden
 * ones only for admins and the author city. `false` for a practice that does not exist, so that a
 * watcher cannot probe for ids.
 */
export class CanViewPracticeQuery extends Query<boolean> {
  constructor(
    readonly practiceId: string,
    readonly viewer: PracticeViewer,
  ) {
    super();
  }
}

/**
 * The events of a practice after `afterSeq` that `viewer` may see (the live replay of
 * `practice:watch`), at most `limit`, in seq order; `null` when the viewer may not see the practice.
 * Moderation events are left out as in the timeline: reports for all but admins, the hiding of a
 * practice or comment and a hidden comment's text for all but admins and the author city. A live
 * push of new events must apply the same rule (send the practice's room only what the timeline
 * shows everyone, or ask this query per viewer).
 */
export class ListPracticeEventsQuery extends Query<EventEnvelope[] | null> {
  constructor(
    readonly practiceId: string,
    readonly viewer: PracticeViewer,
    readonly afterSeq = 0,
    readonly limit = 1000,
  ) {
    super();
  }
}

/** A city's part in practices: what partner suggestions and city reports look at. */
export interface CityPracticeActivity {
  cityId: string;
  /** Its published practices, newest first. */
  practices: PracticeSummary[];
  /** Cities it exchanged with (accepted or completed exchanges, either side), most exchanges first. */
  exchangePartners: { cityId: string; exchanges: number }[];
}

export class ListCityPracticeActivityQuery extends Query<CityPracticeActivity> {
  constructor(readonly cityId: string) {
    super();
  }
}

export * from './queries/list-network-practice-activity/list-network-practice-activity.query';
