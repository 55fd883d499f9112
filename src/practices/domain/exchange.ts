import { InvalidInputError } from '@app/domain';
import { exchangeForbidden, ExchangeRight, ExchangeRule, exchangeRule } from './exchange-errors';
import type { ExchangeEventMap } from './exchange-events';
import { EXCHANGE_FORMATS, type DateRange, type ExchangeFormat, type ExchangeSnapshot, type ExchangeStatus } from './exchange-state';
import { SnapshotAggregate, systemClock, type Clock } from '../../shared/snapshot-aggregate';
import { describeActor, isPrivileged, type PracticeActor, type PracticeViewer } from './practice-policy';
import { calendarDate, optionalText, PRACTICE_LIMITS, rating, requiredText } from './practice-values';

/** The body of `POST /practices/:id/exchanges`, before validation. */
export interface ExchangeRequestInput {
  message: string;
  format: string;
  proposedDates?: { from?: unknown; to?: unknown } | null;
}

/** A validated request: what `Exchange.open` needs besides the practice and the cities. */
export interface ExchangeRequestValues {
  message: string;
  format: ExchangeFormat;
  proposedDates?: DateRange;
}

export interface CompleteExchangeInput {
  feedback: string;
  rating: number;
}

const isFormat = (value: unknown): value is ExchangeFormat => (EXCHANGE_FORMATS as readonly unknown[]).includes(value);

/**
 * An exchange a city asks of a practice's author city around that practice (SPEC §3): a study
 * visit, mentoring… The host answers a request; the requester may cancel before completion and,
 * once accepted, completes it with feedback and a rating, once.
 *
 * Each method checks the actor's rights (403), the input values (400), then the state (409, codes
 * in `ExchangeRule`); only then it changes the state and records one event. Requests are opened by
 * `Practice.requestExchange`, which holds the rules that need the practice.
 */
export class Exchange extends SnapshotAggregate<ExchangeEventMap, ExchangeSnapshot> {
  /** The values rules of a request (→ 400 naming the field). */
  static validateRequest(input: ExchangeRequestInput): ExchangeRequestValues {
    const message = requiredText('message', input.message, PRACTICE_LIMITS.message);
    if (!isFormat(input.format)) throw new InvalidInputError('format', `format must be one of ${EXCHANGE_FORMATS.join(', ')}`);
    const dates = input.proposedDates;
    if (dates === undefined || dates === null) return { message, format: input.format };
    const from = calendarDate('proposedDates.from', dates.from);
    const to = calendarDate('proposedDates.to', dates.to);
    if (to < from) throw new InvalidInputError('proposedDates.to', `proposedDates.to (${to}) must not be before proposedDates.from (${from})`);
    return { message, format: input.format, proposedDates: { from, to } };
  }

  /** A new exchange in status `requested`; records `ExchangeRequested`. Called by `Practice.requestExchange`. */
  static open(
    id: string,
    practice: { id: string; title: string; authorCityId: string },
    requesterCityId: string,
    values: ExchangeRequestValues,
    clock: Clock = systemClock,
  ): Exchange {
    const now = clock();
    const exchange = new Exchange(
      {
        id,
        practiceId: practice.id,
        practiceTitle: practice.title,
        hostCityId: practice.authorCityId,
        requesterCityId,
        status: 'requested',
        format: values.format,
        message: values.message,
        proposedDates: values.proposedDates ? { ...values.proposedDates } : null,
        response: null,
        cancelReason: null,
        feedback: null,
        rating: null,
        version: 0,
        createdAt: now,
        updatedAt: now,
      },
      clock,
    );
    exchange.record('ExchangeRequested', {
      ...exchange.eventBase(),
      message: values.message,
      proposedDates: values.proposedDates ? { ...values.proposedDates } : null,
    });
    return exchange;
  }

  static restore(snapshot: ExchangeSnapshot, clock: Clock = systemClock): Exchange {
    return new Exchange(snapshot, clock);
  }

  get status(): ExchangeStatus {
    return this.state.status;
  }
  get hostCityId(): string {
    return this.state.hostCityId;
  }
  get requesterCityId(): string {
    return this.state.requesterCityId;
  }

  /** The two cities and admins; nobody else, anonymous readers included. */
  canBeSeenBy(viewer: PracticeViewer): boolean {
    return (
      isPrivileged(viewer) || (viewer.cityId !== null && (viewer.cityId === this.state.hostCityId || viewer.cityId === this.state.requesterCityId))
    );
  }

  assertVisibleTo(viewer: PracticeViewer): void {
    if (this.canBeSeenBy(viewer)) return;
    throw exchangeForbidden(
      ExchangeRight.PartiesOnly,
      `Only the two cities of an exchange and admins may see it; the request came from ${describeActor(viewer)}`,
    );
  }

  /** The host takes the request on. */
  accept(message: string | null | undefined, actor: PracticeActor): void {
    const response = this.answer(message, actor, 'accept');
    this.setStatus('accepted', { response });
    this.record('ExchangeAccepted', { ...this.eventBase(), message: response });
  }

  decline(message: string | null | undefined, actor: PracticeActor): void {
    const response = this.answer(message, actor, 'decline');
    this.setStatus('declined', { response });
    this.record('ExchangeDeclined', { ...this.eventBase(), message: response });
  }

  /** The requester calls it off, while requested or accepted. */
  cancel(reason: string | null | undefined, actor: PracticeActor): void {
    this.assertRequester(actor, 'cancel it');
    const text = optionalText('reason', reason, PRACTICE_LIMITS.reason);
    const previousStatus = this.state.status;
    if (previousStatus !== 'requested' && previousStatus !== 'accepted') {
      throw exchangeRule(ExchangeRule.Closed, `Only a requested or accepted exchange can be cancelled; this one is ${previousStatus}`);
    }
    this.setStatus('cancelled', { cancelReason: text });
    this.record('ExchangeCancelled', { ...this.eventBase(), reason: text, previousStatus });
  }

  /** The requester reports how it went, once, after the host accepted. */
  complete(input: CompleteExchangeInput, actor: PracticeActor): void {
    this.assertRequester(actor, 'complete it');
    const feedback = requiredText('feedback', input.feedback, PRACTICE_LIMITS.feedback);
    const score = rating('rating', input.rating);
    if (this.state.status === 'completed') throw exchangeRule(ExchangeRule.AlreadyCompleted, 'This exchange is already completed');
    if (this.state.status !== 'accepted') {
      throw exchangeRule(ExchangeRule.NotAccepted, `Only an accepted exchange can be completed; this one is ${this.state.status}`);
    }
    this.setStatus('completed', { feedback, rating: score });
    this.record('ExchangeCompleted', { ...this.eventBase(), feedback, rating: score });
  }

  // ---- internals ----------------------------------------------------------------------------

  private answer(message: string | null | undefined, actor: PracticeActor, verb: 'accept' | 'decline'): string | null {
    if (!isPrivileged(actor) && actor.cityId !== this.state.hostCityId) {
      throw exchangeForbidden(
        ExchangeRight.HostOnly,
        `Only the host city (${this.state.hostCityId}) may ${verb} this exchange; the request came from ${describeActor(actor)}`,
      );
    }
    const text = optionalText('message', message, PRACTICE_LIMITS.message);
    if (this.state.status !== 'requested') {
      throw exchangeRule(ExchangeRule.NotRequested, `Only a requested exchange can be ${verb}ed; this one is ${this.state.status}`);
    }
    return text;
  }

  private assertRequester(actor: PracticeActor, action: string): void {
    if (isPrivileged(actor) || actor.cityId === this.state.requesterCityId) return;
    throw exchangeForbidden(
      ExchangeRight.RequesterOnly,
      `Only the requesting city (${this.state.requesterCityId}) may ${action}; the request came from ${describeActor(actor)}`,
    );
  }

  private setStatus(status: ExchangeStatus, extra: Partial<ExchangeSnapshot>): void {
    this.state = { ...this.state, ...extra, status, updatedAt: this.clock() };
  }

  private eventBase() {
    const s = this.state;
    return {
      exchangeId: s.id,
      practiceId: s.practiceId,
      practiceTitle: s.practiceTitle,
      hostCityId: s.hostCityId,
      requesterCityId: s.requesterCityId,
      format: s.format,
    };
  }
}

/**
 * Whose exchanges a list shows: a city user's own city's (naming another city is a 403); for an
 * admin the city named, or every exchange of the network.
 */
export function exchangeListCity(viewer: PracticeViewer, named: string | undefined): string | undefined {
  if (isPrivileged(viewer)) return named;
  if (!viewer.cityId) throw exchangeForbidden(ExchangeRight.CityRequired, 'Only users of a member city and admins have exchanges');
  if (named && named !== viewer.cityId) {
    throw exchangeForbidden(ExchangeRight.NotYourCity, `A user of city ${viewer.cityId} may not list the exchanges of city ${named}`);
  }
  return viewer.cityId;
}
