import { ConflictError } from '@app/domain';
import {
  expectForbidden,
  expectInvalid,
  expectNotFound as expectNotFoundCode,
  expectRule,
  onlyPendingEvent,
  pendingEvents,
  thrown,
} from '@app/testing';
import { ExchangeRule } from './exchange-errors';
import { PRACTICE_AGGREGATE_EVENTS } from './practice-events';
import { Practice } from './practice';
import { PRACTICE_STALE_VERSION, PracticeRight, PracticeRule } from './practice-errors';
import type { PracticeActor } from './practice-policy';
import type { PracticeSnapshot } from './practice-state';
import {
  admin,
  author,
  BILBAO,
  cityUser,
  commentOn,
  hiddenPractice,
  LLIRIA,
  refused,
  saved,
  SEVILLA,
  sharedPractice,
  sharing,
  TestClock,
  VALENCIA,
} from './testing/practice-fixtures';

const lliria = cityUser(LLIRIA);
const valencia = cityUser(VALENCIA);
const bilbao = cityUser(BILBAO);
const no = { already: false };
const yes = { already: true };

let clock: TestClock;
beforeEach(() => {
  clock = new TestClock();
});

const eventsOf = (practice: Practice) => pendingEvents(practice, PRACTICE_AGGREGATE_EVENTS);
const onlyEvent = (practice: Practice) => onlyPendingEvent(practice, PRACTICE_AGGREGATE_EVENTS);
const expectNotFound = (error: Error, code = 'practice.not-found') => expectNotFoundCode(error, code);

const base = { practiceId: 'pr-1', title: 'Design weeks in the old town', authorCityId: SEVILLA, field: 'design' };

describe('Practice.share', () => {
  it('publishes a practice by the caller’s city, normalized, and records PracticeShared', () => {
    const practice = Practice.share(
      sharing({ title: '  Design weeks in the old town ', tags: [' Heritage ', 'heritage', 'Young   Designers'], sdgs: [11, 8, 11] }),
      author,
      clock.now,
    );
    expect(practice.toSnapshot()).toEqual<PracticeSnapshot>({
      id: 'pr-1',
      title: 'Design weeks in the old town',
      summary: 'How Sevilla opened empty shops to young designers',
      body: 'Every spring, empty shops host workshops and exhibitions by local designers.',
      field: 'design',
      actionArea: 'urban-policy',
      sdgs: [11, 8],
      tags: ['heritage', 'young designers'],
      language: 'en',
      outcomes: 'Forty shops reopened',
      links: [{ title: 'Programme', url: 'https://example.org/programme' }],
      authorCityId: SEVILLA,
      endorsementCount: 0,
      commentCount: 0,
      exchangeCount: 0,
      status: 'published',
      hiddenReason: null,
      hiddenAt: null,
      version: 0,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(onlyEvent(practice)).toEqual({
      type: 'PracticeShared',
      data: {
        ...base,
        summary: 'How Sevilla opened empty shops to young designers',
        actionArea: 'urban-policy',
        sdgs: [11, 8],
        tags: ['heritage', 'young designers'],
        language: 'en',
      },
    });
  });

  it('says null for absent optional values, a blank text included, and takes no links as none', () => {
    const practice = Practice.share(sharing({ actionArea: null, outcomes: '  ', links: undefined }), author, clock.now);
    const snapshot = practice.toSnapshot();
    expect(snapshot).toMatchObject({ actionArea: null, outcomes: null, links: [] });
    expect(onlyEvent(practice).data).toMatchObject({ actionArea: null });
  });

  it('lets an admin share for a city they name', () => {
    expect(Practice.share(sharing({ authorCityId: VALENCIA }), admin, clock.now).authorCityId).toBe(VALENCIA);
  });

  it.each<[string, PracticeActor, string | undefined, string]>([
    ['an admin without a city who names none', admin, undefined, PracticeRight.CityRequired],
    ['a city user without a city', { userId: 'u', cityId: null, role: 'city' }, undefined, PracticeRight.CityRequired],
    ['a city user naming another city', lliria, SEVILLA, PracticeRight.NotYourCity],
  ])('refuses %s (403)', (_, actor, authorCityId, code) => {
    expectForbidden(
      thrown(() => Practice.share(sharing({ authorCityId }), actor, clock.now)),
      code,
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['id', { id: ' ' }],
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(201) }],
    ['title', { title: 'bell\u0007' }],
    ['summary', { summary: undefined }],
    ['body', { body: '   ' }],
    ['field', { field: 'opera' }],
    ['actionArea', { actionArea: 'lobbying' }],
    ['sdgs', { sdgs: [] }],
    ['sdgs', { sdgs: [18] }],
    ['sdgs', { sdgs: '11' }],
    ['tags', { tags: 'heritage' }],
    ['tags.1', { tags: ['ok', '  '] }],
    ['tags.0', { tags: ['x'.repeat(41)] }],
    ['tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ['language', { language: 'de' }],
    ['outcomes', { outcomes: 42 }],
    ['links', { links: 'https://example.org' }],
    ['links.0', { links: ['https://example.org'] }],
    ['links.0.title', { links: [{ title: '', url: 'https://example.org' }] }],
    ['links.0.url', { links: [{ title: 'Script', url: 'javascript:alert(1)' }] }],
    ['links.0.url', { links: [{ title: 'Relative', url: '/programme' }] }],
    [
      'links.1.url',
      {
        links: [
          { title: 'Ok', url: 'http://example.org' },
          { title: 'Ftp', url: 'ftp://example.org/file' },
        ],
      },
    ],
  ])('refuses an invalid %s (400): %j', (field, overrides) => {
    expectInvalid(
      thrown(() => Practice.share(sharing(overrides as never), author, clock.now)),
      field,
    );
  });
});

describe('Practice.restore / toSnapshot', () => {
  it('round-trips the state, records nothing and hands out copies', () => {
    const practice = sharedPractice(clock);
    const again = Practice.restore(practice.toSnapshot(), clock.now);
    expect(again.toSnapshot()).toEqual(practice.toSnapshot());
    expect(again.hasPendingEvents).toBe(false);
    const copy = again.toSnapshot();
    copy.tags.push('changed');
    copy.links[0].url = 'https://evil.example';
    expect(again.toSnapshot().tags).toEqual(['heritage', 'young designers']);
    expect(again.toSnapshot().links[0].url).toBe('https://example.org/programme');
  });
});

describe('Practice.update', () => {
  it('applies and records only what changed, with null clearing an optional field', () => {
    const practice = sharedPractice(clock);
    clock.advance();
    const applied = practice.update(
      { title: 'Design weeks', summary: practice.toSnapshot().summary, actionArea: null, tags: ['Heritage'] },
      1,
      author,
    );
    expect(applied).toEqual({ title: 'Design weeks', actionArea: null, tags: ['heritage'] });
    expect(practice.toSnapshot()).toMatchObject({ title: 'Design weeks', actionArea: null, tags: ['heritage'], updatedAt: clock.now() });
    expect(onlyEvent(practice)).toEqual({
      type: 'PracticeUpdated',
      data: { ...base, title: 'Design weeks', changes: { title: 'Design weeks', actionArea: null, tags: ['heritage'] } },
    });
  });

  it('records nothing when nothing differs, and accepts no version at all', () => {
    const practice = sharedPractice(clock);
    const s = practice.toSnapshot();
    expect(practice.update({ title: s.title, links: s.links, sdgs: s.sdgs }, undefined, author)).toEqual({});
    expect(practice.hasPendingEvents).toBe(false);
  });

  it('lets an admin edit, and the author edit its hidden practice', () => {
    sharedPractice(clock).update({ title: 'By the secretariat' }, 1, admin);
    const hidden = hiddenPractice(clock);
    expect(hidden.update({ body: 'Mended' }, undefined, author)).toEqual({ body: 'Mended' });
  });

  it('refuses another city (403) before bad values, and a bad value before a stale version', () => {
    const practice = sharedPractice(clock);
    expectForbidden(
      refused(practice, (p) => p.update({ title: '' }, 7, lliria)),
      PracticeRight.AuthorOnly,
    );
    expectInvalid(
      refused(practice, (p) => p.update({ language: 'de' }, 7, author)),
      'language',
    );
    const stale = refused(practice, (p) => p.update({ title: 'New' }, 7, author));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.code).toBe(PRACTICE_STALE_VERSION);
  });

  it('answers 404 to a city that may not see the hidden practice', () => {
    expectNotFound(refused(hiddenPractice(clock), (p) => p.update({ title: 'x' }, undefined, lliria)));
  });
});

describe('endorsements', () => {
  it('counts an endorsement by another city and returns it to store', () => {
    const practice = sharedPractice(clock);
    const endorsement = practice.endorse(undefined, lliria, no);
    expect(endorsement).toEqual({ practiceId: 'pr-1', cityId: LLIRIA, userId: 'user-lliria', createdAt: clock.now() });
    expect(practice.endorsementCount).toBe(1);
    expect(onlyEvent(practice)).toEqual({ type: 'PracticeEndorsed', data: { ...base, cityId: LLIRIA, endorsementCount: 1 } });
  });

  it('withdraws, and lets the city endorse again', () => {
    const practice = sharedPractice(clock);
    practice.endorse(undefined, lliria, no);
    practice.endorse(undefined, valencia, no);
    expect(practice.withdrawEndorsement(undefined, lliria, yes)).toBe(LLIRIA);
    expect(practice.endorsementCount).toBe(1);
    practice.endorse(undefined, lliria, no);
    expect(eventsOf(practice).map((e) => [e.type, (e.data as { endorsementCount: number }).endorsementCount])).toEqual([
      ['PracticeEndorsed', 1],
      ['PracticeEndorsed', 2],
      ['PracticeEndorsementWithdrawn', 1],
      ['PracticeEndorsed', 2],
    ]);
  });

  it('lets an admin endorse for a named city, never without one', () => {
    const practice = sharedPractice(clock);
    expect(practice.endorse(BILBAO, admin, no).cityId).toBe(BILBAO);
    expectForbidden(
      refused(practice, (p) => p.endorse(undefined, admin, no)),
      PracticeRight.CityRequired,
    );
    expectForbidden(
      refused(practice, (p) => p.endorse(VALENCIA, lliria, no)),
      PracticeRight.NotYourCity,
    );
  });

  it.each<[string, () => Practice, PracticeActor, { already: boolean }, string]>([
    ['the author city', () => sharedPractice(clock), author, no, PracticeRule.CannotEndorseOwn],
    ['a city twice', () => sharedPractice(clock), lliria, yes, PracticeRule.AlreadyEndorsed],
    ['the author city of its hidden practice', () => hiddenPractice(clock), author, no, PracticeRule.Hidden],
  ])('refuses an endorsement by %s (409)', (_, practice, actor, known, code) => {
    expectRule(
      refused(practice(), (p) => p.endorse(undefined, actor, known)),
      code,
    );
  });

  it('refuses to withdraw what was never given (409), and hides a hidden practice (404)', () => {
    expectRule(
      refused(sharedPractice(clock), (p) => p.withdrawEndorsement(undefined, lliria, no)),
      PracticeRule.NotEndorsed,
    );
    expectNotFound(refused(hiddenPractice(clock), (p) => p.endorse(undefined, lliria, no)));
    expectNotFound(refused(hiddenPractice(clock), (p) => p.withdrawEndorsement(undefined, lliria, yes)));
  });
});

describe('comments', () => {
  it('counts a comment and returns it to store, with the author city of the writer', () => {
    const practice = sharedPractice(clock);
    const comment = practice.comment({ commentId: 'c-1', text: '  Inspiring!  ' }, lliria);
    expect(comment).toEqual({
      id: 'c-1',
      practiceId: 'pr-1',
      authorCityId: LLIRIA,
      authorUserId: 'user-lliria',
      text: 'Inspiring!',
      status: 'published',
      hiddenReason: null,
      hiddenAt: null,
      version: 1,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(practice.commentCount).toBe(1);
    expect(onlyEvent(practice)).toEqual({
      type: 'PracticeCommented',
      data: { ...base, commentId: 'c-1', commentAuthorCityId: LLIRIA, text: 'Inspiring!', commentCount: 1 },
    });
  });

  it('lets the author city and an admin without a city comment', () => {
    const practice = sharedPractice(clock);
    expect(commentOn(practice, author).authorCityId).toBe(SEVILLA);
    expect(commentOn(practice, admin).authorCityId).toBeNull();
    expect(practice.commentCount).toBe(2);
  });

  it('refuses an empty or over-long text (400), and a hidden practice (409, or 404 for others)', () => {
    const practice = sharedPractice(clock);
    expectInvalid(
      refused(practice, (p) => p.comment({ commentId: 'c', text: ' ' }, lliria)),
      'text',
    );
    expectInvalid(
      refused(practice, (p) => p.comment({ commentId: 'c', text: 'x'.repeat(5001) }, lliria)),
      'text',
    );
    expectRule(
      refused(hiddenPractice(clock), (p) => p.comment({ commentId: 'c', text: 'Hi' }, author)),
      PracticeRule.Hidden,
    );
    expectNotFound(refused(hiddenPractice(clock), (p) => p.comment({ commentId: 'c', text: 'Hi' }, lliria)));
  });
});

describe('reports', () => {
  it('records a report of the practice without changing it', () => {
    const practice = sharedPractice(clock);
    const before = practice.toSnapshot();
    const report = practice.report({ reportId: 'r-1', reason: 'Spam' }, lliria, no);
    expect(report).toEqual({
      id: 'r-1',
      targetType: 'practice',
      targetId: 'pr-1',
      practiceId: 'pr-1',
      reporterUserId: 'user-lliria',
      reporterCityId: LLIRIA,
      reason: 'Spam',
      status: 'open',
      resolvedAt: null,
      resolvedBy: null,
      version: 1,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(practice.toSnapshot()).toEqual(before);
    expect(onlyEvent(practice)).toEqual({ type: 'PracticeReported', data: { ...base, reportId: 'r-1', reason: 'Spam' } });
  });

  it('records a report of a comment', () => {
    const practice = sharedPractice(clock);
    const comment = commentOn(practice, valencia);
    eventsOf(practice);
    const report = practice.reportComment(comment, { reportId: 'r-2', reason: 'Rude' }, lliria, no);
    expect(report).toMatchObject({ targetType: 'comment', targetId: comment.id, practiceId: 'pr-1', status: 'open' });
    expect(onlyEvent(practice)).toEqual({
      type: 'CommentReported',
      data: { ...base, commentId: comment.id, commentAuthorCityId: VALENCIA, reportId: 'r-2', reason: 'Rude' },
    });
  });

  it('refuses a second report by the same user, a blank reason and hidden items', () => {
    const practice = sharedPractice(clock);
    const comment = commentOn(practice, valencia);
    const hiddenComment = practice.hideComment(commentOn(practice, lliria), 'Rude', admin);
    const saved1 = saved(practice, clock);
    expectRule(
      refused(saved1, (p) => p.report({ reportId: 'r', reason: 'Spam' }, lliria, yes)),
      PracticeRule.AlreadyReported,
    );
    expectInvalid(
      refused(saved1, (p) => p.report({ reportId: 'r', reason: '' }, lliria, no)),
      'reason',
    );
    expectRule(
      refused(saved1, (p) => p.reportComment(comment, { reportId: 'r', reason: 'Rude' }, lliria, yes)),
      PracticeRule.CommentAlreadyReported,
    );
    expectRule(
      refused(saved1, (p) => p.reportComment(hiddenComment, { reportId: 'r', reason: 'Rude' }, lliria, no)),
      PracticeRule.CommentHidden,
    );
    expectNotFound(
      refused(saved1, (p) => p.reportComment(hiddenComment, { reportId: 'r', reason: 'Rude' }, valencia, no)),
      'comment.not-found',
    );
    expectRule(
      refused(hiddenPractice(clock), (p) => p.report({ reportId: 'r', reason: 'Spam' }, author, no)),
      PracticeRule.Hidden,
    );
  });

  it('does not take a comment of another practice', () => {
    const other = sharedPractice(clock, { id: 'pr-2' });
    const comment = commentOn(other, lliria);
    expectNotFound(
      refused(sharedPractice(clock), (p) => p.reportComment(comment, { reportId: 'r', reason: 'x' }, valencia, no)),
      'comment.not-found',
    );
  });
});

describe('moderation', () => {
  it('hides with a reason for admins and the author city, and unhides', () => {
    const practice = sharedPractice(clock);
    clock.advance();
    practice.hide(' Advertising ', admin);
    expect(practice.toSnapshot()).toMatchObject({ status: 'hidden', hiddenReason: 'Advertising', hiddenAt: clock.now() });
    expect(practice.canBeSeenBy({ userId: null, cityId: null, role: null })).toBe(false);
    expect(practice.canBeSeenBy(lliria)).toBe(false);
    expect(practice.canBeSeenBy(author)).toBe(true);
    expect(practice.canBeSeenBy(admin)).toBe(true);
    practice.unhide(admin);
    expect(practice.toSnapshot()).toMatchObject({ status: 'published', hiddenReason: null, hiddenAt: null });
    expect(practice.canBeSeenBy({ userId: null, cityId: null, role: null })).toBe(true);
    expect(eventsOf(practice)).toEqual([
      { type: 'PracticeHidden', data: { ...base, reason: 'Advertising' } },
      { type: 'PracticeUnhidden', data: base },
    ]);
  });

  it('refuses non-admins (403, or 404 when hidden from them), twice (409) and a blank reason (400)', () => {
    expectForbidden(
      refused(sharedPractice(clock), (p) => p.hide('Spam', author)),
      PracticeRight.AdminsOnly,
    );
    expectForbidden(
      refused(hiddenPractice(clock), (p) => p.unhide(author)),
      PracticeRight.AdminsOnly,
    );
    expectNotFound(refused(hiddenPractice(clock), (p) => p.unhide(lliria)));
    expectInvalid(
      refused(sharedPractice(clock), (p) => p.hide(' ', admin)),
      'reason',
    );
    expectRule(
      refused(hiddenPractice(clock), (p) => p.hide('Again', admin)),
      PracticeRule.AlreadyHidden,
    );
    expectRule(
      refused(sharedPractice(clock), (p) => p.unhide(admin)),
      PracticeRule.NotHidden,
    );
  });

  it('hides and unhides a comment, counting published comments only', () => {
    const practice = sharedPractice(clock);
    const comment = commentOn(practice, lliria);
    commentOn(practice, valencia);
    eventsOf(practice);
    clock.advance();
    const hidden = practice.hideComment(comment, 'Rude', admin);
    expect(hidden).toMatchObject({ status: 'hidden', hiddenReason: 'Rude', hiddenAt: clock.now(), version: 2, updatedAt: clock.now() });
    expect(practice.commentCount).toBe(1);
    const shown = practice.unhideComment(hidden, admin);
    expect(shown).toMatchObject({ status: 'published', hiddenReason: null, hiddenAt: null, version: 3 });
    expect(practice.commentCount).toBe(2);
    expect(eventsOf(practice)).toEqual([
      { type: 'CommentHidden', data: { ...base, commentId: comment.id, commentAuthorCityId: LLIRIA, reason: 'Rude', commentCount: 1 } },
      { type: 'CommentUnhidden', data: { ...base, commentId: comment.id, commentAuthorCityId: LLIRIA, commentCount: 2 } },
    ]);
  });

  it('refuses to hide a comment twice, unhide a shown one, or let a city moderate', () => {
    const practice = sharedPractice(clock);
    const comment = commentOn(practice, lliria);
    const hidden = practice.hideComment(commentOn(practice, valencia), 'Rude', admin);
    const p = saved(practice, clock);
    expectRule(
      refused(p, (x) => x.hideComment(hidden, 'Again', admin)),
      PracticeRule.CommentAlreadyHidden,
    );
    expectRule(
      refused(p, (x) => x.unhideComment(comment, admin)),
      PracticeRule.CommentNotHidden,
    );
    expectForbidden(
      refused(p, (x) => x.hideComment(comment, 'Mine', author)),
      PracticeRight.AdminsOnly,
    );
    expectNotFound(
      refused(p, (x) => x.unhideComment(hidden, lliria)),
      'comment.not-found',
    );
  });
});

describe('Practice.requestExchange', () => {
  it('opens an exchange for another city and counts the request', () => {
    const practice = sharedPractice(clock);
    const exchange = practice.requestExchange(
      'ex-1',
      { message: ' May we visit? ', format: 'study-visit', proposedDates: { from: '2025-05-01', to: '2025-05-03' } },
      lliria,
      no,
    );
    expect(practice.exchangeCount).toBe(1);
    expect(practice.hasPendingEvents).toBe(false);
    expect(exchange.toSnapshot()).toEqual({
      id: 'ex-1',
      practiceId: 'pr-1',
      practiceTitle: 'Design weeks in the old town',
      hostCityId: SEVILLA,
      requesterCityId: LLIRIA,
      status: 'requested',
      format: 'study-visit',
      message: 'May we visit?',
      proposedDates: { from: '2025-05-01', to: '2025-05-03' },
      response: null,
      cancelReason: null,
      feedback: null,
      rating: null,
      version: 0,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    expect(exchange.pullPendingEvents()).toEqual([
      {
        type: 'ExchangeRequested',
        data: {
          exchangeId: 'ex-1',
          practiceId: 'pr-1',
          practiceTitle: 'Design weeks in the old town',
          hostCityId: SEVILLA,
          requesterCityId: LLIRIA,
          format: 'study-visit',
          message: 'May we visit?',
          proposedDates: { from: '2025-05-01', to: '2025-05-03' },
        },
      },
    ]);
  });

  it('lets an admin ask for a named city', () => {
    expect(sharedPractice(clock).requestExchange('ex', { message: 'Hi', format: 'online', requesterCityId: BILBAO }, admin, no).requesterCityId).toBe(
      BILBAO,
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['message', { message: '' }],
    ['format', { format: 'holiday' }],
    ['proposedDates.from', { proposedDates: { from: '01/05/2025', to: '2025-05-03' } }],
    ['proposedDates.to', { proposedDates: { from: '2025-05-01', to: '2025-02-30' } }],
    ['proposedDates.to', { proposedDates: { from: '2025-05-03', to: '2025-05-01' } }],
  ])('refuses an invalid %s (400)', (field, overrides) => {
    expectInvalid(
      refused(sharedPractice(clock), (p) => p.requestExchange('ex', { message: 'Hi', format: 'online', ...overrides } as never, lliria, no)),
      field,
    );
  });

  it('refuses the author city, a second open request, and a hidden practice (409)', () => {
    expectRule(
      refused(sharedPractice(clock), (p) => p.requestExchange('ex', { message: 'Hi', format: 'online' }, author, no)),
      ExchangeRule.OwnPractice,
    );
    expectRule(
      refused(sharedPractice(clock), (p) => p.requestExchange('ex', { message: 'Hi', format: 'online' }, bilbao, yes)),
      ExchangeRule.AlreadyOpen,
    );
    expectRule(
      refused(hiddenPractice(clock), (p) => p.requestExchange('ex', { message: 'Hi', format: 'online', requesterCityId: BILBAO }, admin, no)),
      PracticeRule.Hidden,
    );
    expectNotFound(refused(hiddenPractice(clock), (p) => p.requestExchange('ex', { message: 'Hi', format: 'online' }, bilbao, no)));
  });
});
