import { expectForbidden, expectInvalid, expectRule, onlyPendingEvent } from '@app/testing';
import { Exchange, exchangeListCity } from './exchange';
import { ExchangeRight, ExchangeRule } from './exchange-errors';
import { EXCHANGE_EVENTS } from './exchange-events';
import type { ExchangeStatus } from './exchange-state';
import type { PracticeActor } from './practice-policy';
import {
  acceptedExchange,
  admin,
  author,
  BILBAO,
  cityUser,
  LLIRIA,
  refused,
  requestedExchange,
  savedExchange,
  SEVILLA,
  TestClock,
} from './testing/practice-fixtures';

const requester = cityUser(LLIRIA);
const host = author;
const stranger = cityUser(BILBAO);

let clock: TestClock;
beforeEach(() => {
  clock = new TestClock();
});

const onlyEvent = (exchange: Exchange) => onlyPendingEvent(exchange, EXCHANGE_EVENTS);

const base = {
  exchangeId: 'ex-1',
  practiceId: 'pr-1',
  practiceTitle: 'Design weeks in the old town',
  hostCityId: SEVILLA,
  requesterCityId: LLIRIA,
  format: 'study-visit',
};

/** An exchange in `status`, reached the legal way. */
function inStatus(status: ExchangeStatus): Exchange {
  const exchange = requestedExchange(clock);
  if (status === 'accepted' || status === 'completed') exchange.accept(null, host);
  if (status === 'declined') exchange.decline(null, host);
  if (status === 'cancelled') exchange.cancel(null, requester);
  if (status === 'completed') exchange.complete({ feedback: 'Great', rating: 5 }, requester);
  return savedExchange(exchange, clock);
}

describe('Exchange', () => {
  it('is seen by the two cities and admins only', () => {
    const exchange = requestedExchange(clock);
    expect(exchange.canBeSeenBy(host)).toBe(true);
    expect(exchange.canBeSeenBy(requester)).toBe(true);
    expect(exchange.canBeSeenBy(admin)).toBe(true);
    expect(exchange.canBeSeenBy(stranger)).toBe(false);
    expect(exchange.canBeSeenBy({ userId: null, cityId: null, role: null })).toBe(false);
    expect(() => exchange.assertVisibleTo(stranger)).toThrow(expect.objectContaining({ code: ExchangeRight.PartiesOnly }));
  });

  it('goes requested → accepted → completed, each step recorded with both cities', () => {
    const exchange = requestedExchange(clock);
    clock.advance();
    exchange.accept(' Welcome ', host);
    expect(exchange.toSnapshot()).toMatchObject({ status: 'accepted', response: 'Welcome', updatedAt: clock.now() });
    expect(onlyEvent(exchange)).toEqual({ type: 'ExchangeAccepted', data: { ...base, message: 'Welcome' } });
    exchange.complete({ feedback: 'We learnt a lot', rating: 4 }, requester);
    expect(exchange.toSnapshot()).toMatchObject({ status: 'completed', feedback: 'We learnt a lot', rating: 4 });
    expect(onlyEvent(exchange)).toEqual({ type: 'ExchangeCompleted', data: { ...base, feedback: 'We learnt a lot', rating: 4 } });
  });

  it('is declined by the host, with or without a message', () => {
    const exchange = requestedExchange(clock);
    exchange.decline(undefined, host);
    expect(exchange.toSnapshot().response).toBeNull();
    expect(onlyEvent(exchange)).toEqual({ type: 'ExchangeDeclined', data: { ...base, message: null } });
  });

  it.each<ExchangeStatus>(['requested', 'accepted'])('is cancelled by the requester from %s', (status) => {
    const exchange = inStatus(status);
    exchange.cancel('Budget cut', requester);
    expect(exchange.status).toBe('cancelled');
    expect(onlyEvent(exchange)).toEqual({ type: 'ExchangeCancelled', data: { ...base, reason: 'Budget cut', previousStatus: status } });
  });

  it('lets an admin act for either side', () => {
    const exchange = requestedExchange(clock);
    exchange.accept(null, admin);
    exchange.complete({ feedback: 'Fine', rating: 3 }, admin);
    expect(exchange.status).toBe('completed');
  });

  it.each<[string, (e: Exchange) => void, PracticeActor, string]>([
    ['accept', (e) => e.accept(null, requester), requester, ExchangeRight.HostOnly],
    ['decline', (e) => e.decline(null, stranger), stranger, ExchangeRight.HostOnly],
    ['cancel', (e) => e.cancel(null, host), host, ExchangeRight.RequesterOnly],
    ['complete', (e) => e.complete({ feedback: 'x', rating: 9 }, host), host, ExchangeRight.RequesterOnly],
  ])('refuses %s by the wrong city (403) before looking at its input', (_, command, _actor, code) => {
    expectForbidden(refused(requestedExchange(clock), command), code);
  });

  it.each<[string, (e: Exchange) => void]>([
    ['message', (e) => e.accept('x'.repeat(2001), host)],
    ['reason', (e) => e.cancel('\u0000', requester)],
    ['feedback', (e) => e.complete({ feedback: ' ', rating: 3 }, requester)],
    ['rating', (e) => e.complete({ feedback: 'Good', rating: 0 }, requester)],
    ['rating', (e) => e.complete({ feedback: 'Good', rating: 6 }, requester)],
    ['rating', (e) => e.complete({ feedback: 'Good', rating: 4.5 }, requester)],
  ])('refuses an invalid %s (400)', (field, command) => {
    expectInvalid(refused(acceptedExchange(clock), command), field);
  });

  it.each<[ExchangeStatus, string, (e: Exchange) => void, string]>([
    ['accepted', 'accept', (e) => e.accept(null, host), ExchangeRule.NotRequested],
    ['declined', 'accept', (e) => e.accept(null, host), ExchangeRule.NotRequested],
    ['cancelled', 'decline', (e) => e.decline(null, host), ExchangeRule.NotRequested],
    ['completed', 'decline', (e) => e.decline(null, host), ExchangeRule.NotRequested],
    ['requested', 'complete', (e) => e.complete({ feedback: 'x', rating: 3 }, requester), ExchangeRule.NotAccepted],
    ['declined', 'complete', (e) => e.complete({ feedback: 'x', rating: 3 }, requester), ExchangeRule.NotAccepted],
    ['cancelled', 'complete', (e) => e.complete({ feedback: 'x', rating: 3 }, requester), ExchangeRule.NotAccepted],
    ['completed', 'complete', (e) => e.complete({ feedback: 'x', rating: 3 }, requester), ExchangeRule.AlreadyCompleted],
    ['completed', 'cancel', (e) => e.cancel(null, requester), ExchangeRule.Closed],
    ['declined', 'cancel', (e) => e.cancel(null, requester), ExchangeRule.Closed],
    ['cancelled', 'cancel', (e) => e.cancel(null, requester), ExchangeRule.Closed],
  ])('refuses, when %s, to %s (409)', (status, _, command, code) => {
    expectRule(refused(inStatus(status), command), code);
  });

  it('round-trips its snapshot and hands out copies', () => {
    const exchange = acceptedExchange(clock);
    const again = Exchange.restore(exchange.toSnapshot(), clock.now);
    expect(again.toSnapshot()).toEqual(exchange.toSnapshot());
    again.toSnapshot().updatedAt.setFullYear(1999);
    expect(again.toSnapshot().updatedAt.getFullYear()).toBe(2025);
  });
});

describe('exchangeListCity', () => {
  it('scopes a city user to their city and lets admins pick one or none', () => {
    expect(exchangeListCity(requester, undefined)).toBe(LLIRIA);
    expect(exchangeListCity(requester, LLIRIA)).toBe(LLIRIA);
    expect(() => exchangeListCity(requester, SEVILLA)).toThrow(expect.objectContaining({ code: ExchangeRight.NotYourCity }));
    expect(exchangeListCity(admin, undefined)).toBeUndefined();
    expect(exchangeListCity(admin, BILBAO)).toBe(BILBAO);
  });
});
