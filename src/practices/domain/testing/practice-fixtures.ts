import { TestClock } from '@app/testing';
import { Exchange } from '../exchange';
import { Practice, type SharePracticeInput } from '../practice';
import type { PracticeActor } from '../practice-policy';
import type { CommentSnapshot } from '../practice-state';

/**
 * Test helpers for the practices domain (its specs; handler specs may reuse them). City ids are
 * seed city names in lower case, to keep assertions readable.
 */
export const SEVILLA = 'sevilla';
export const LLIRIA = 'lliria';
export const VALENCIA = 'valencia';
export const BILBAO = 'bilbao';

export const cityUser = (cityId: string): PracticeActor => ({ userId: `user-${cityId}`, cityId, role: 'city' });
export const admin: PracticeActor = { userId: 'user-admin', cityId: null, role: 'admin' };
export const author = cityUser(SEVILLA);

/** The shared helpers of aggregate specs, beside this domain's. */
export { refused, TestClock } from '@app/testing';

export const sharing = (overrides: Partial<SharePracticeInput> = {}): SharePracticeInput => ({
  id: 'pr-1',
  title: 'Design weeks in the old town',
  summary: 'How Sevilla opened empty shops to young designers',
  body: 'Every spring, empty shops host workshops and exhibitions by local designers.',
  field: 'design',
  actionArea: 'urban-policy',
  sdgs: [11, 8],
  tags: ['Heritage', 'young designers'],
  language: 'en',
  outcomes: 'Forty shops reopened',
  links: [{ title: 'Programme', url: 'https://example.org/programme' }],
  ...overrides,
});

/** As the repository hands it back after saving: restored at the next version, no pending events. */
export function saved(practice: Practice, clock: TestClock): Practice {
  return Practice.restore({ ...practice.toSnapshot(), version: practice.version + 1 }, clock.now);
}

export function savedExchange(exchange: Exchange, clock: TestClock): Exchange {
  return Exchange.restore({ ...exchange.toSnapshot(), version: exchange.version + 1 }, clock.now);
}

/** A published practice by Sevilla, saved once (version 1). */
export function sharedPractice(clock: TestClock, overrides: Partial<SharePracticeInput> = {}): Practice {
  return saved(Practice.share(sharing(overrides), author, clock.now), clock);
}

export function hiddenPractice(clock: TestClock): Practice {
  const practice = sharedPractice(clock);
  practice.hide('Advertising', admin);
  return saved(practice, clock);
}

/** A comment by `by` on `practice` (the practice is saved; the comment is returned as stored). */
export function commentOn(practice: Practice, by: PracticeActor, text = 'Inspiring!'): CommentSnapshot {
  return practice.comment({ commentId: `c-${Math.random().toString(36).slice(2, 8)}`, text }, by);
}

/** An exchange Llíria asked of Sevilla's practice, saved (version 1). */
export function requestedExchange(clock: TestClock, format = 'study-visit'): Exchange {
  const practice = sharedPractice(clock);
  const exchange = practice.requestExchange('ex-1', { message: 'May we visit?', format }, cityUser(LLIRIA), { already: false });
  return savedExchange(exchange, clock);
}

export function acceptedExchange(clock: TestClock): Exchange {
  const exchange = requestedExchange(clock);
  exchange.accept('Welcome', author);
  return savedExchange(exchange, clock);
}
