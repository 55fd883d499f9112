import { randomBytes } from 'node:crypto';
import { useModuleTestApp } from '@app/testing';
import { DomainError } from '@app/domain';
import { AcceptExchangeCommand } from './commands/accept-exchange/accept-exchange.command';
import { CommentOnPracticeCommand } from './commands/comment-on-practice/comment-on-practice.command';
import { CompleteExchangeCommand } from './commands/complete-exchange/complete-exchange.command';
import { EndorsePracticeCommand } from './commands/endorse-practice/endorse-practice.command';
import { HideCommentCommand } from './commands/hide-comment/hide-comment.command';
import { HidePracticeCommand } from './commands/hide-practice/hide-practice.command';
import { ReportCommentCommand } from './commands/report-comment/report-comment.command';
import { ReportPracticeCommand } from './commands/report-practice/report-practice.command';
import { RequestExchangeCommand } from './commands/request-exchange/request-exchange.command';
import { SharePracticeCommand } from './commands/share-practice/share-practice.command';
import type { SharePracticeDto } from './commands/share-practice/share-practice.dto';
import { UnhidePracticeCommand } from './commands/unhide-practice/unhide-practice.command';
import { UpdatePracticeCommand } from './commands/update-practice/update-practice.command';
import { WithdrawEndorsementCommand } from './commands/withdraw-endorsement/withdraw-endorsement.command';
import { CanViewPracticeQuery, GetPracticeSummaryQuery, ListCityPracticeActivityQuery, ListPracticeEventsQuery } from './contracts';
import { ANONYMOUS } from './domain/practice-policy';
import type { PracticeListFilter } from './persistence/practice-read.repository';
import { GetPracticeTimelineQuery } from './queries/get-practice-timeline/get-practice-timeline.query';
import { GetPracticeQuery } from './queries/get-practice/get-practice.query';
import { ListCommentsQuery } from './queries/list-comments/list-comments.query';
import { ListExchangesQuery } from './queries/list-exchanges/list-exchanges.query';
import { ListPracticesQuery } from './queries/list-practices/list-practices.query';
import { ListReportsQuery } from './queries/list-reports/list-reports.query';
import { contextOf, createPracticesTestModule, viewerOf } from './testing/practices-test-module';

/** Handlers and repositories against the MongoDB protocol; the cities module is faked. */
describe('practices handlers (MongoDB)', () => {
  const app = useModuleTestApp('practices_int', createPracticesTestModule);

  const sevilla = contextOf('sevilla');
  const lliria = contextOf('lliria');
  const valencia = contextOf('valencia');
  const admin = contextOf(null, 'admin');
  const sharing = (overrides: Partial<SharePracticeDto> = {}): SharePracticeDto => ({
    title: 'Design weeks in the old town',
    summary: 'Empty shops lent to young designers',
    body: 'Every spring, empty shops host workshops and exhibitions.',
    field: 'design',
    sdgs: [11],
    tags: ['heritage'],
    language: 'en',
    ...overrides,
  });
  const share = (overrides: Partial<SharePracticeDto> = {}, by = sevilla) => app.commands.execute(new SharePracticeCommand(sharing(overrides), by));
  const get = (id: string, by = sevilla) => app.queries.execute(new GetPracticeQuery(id, viewerOf(by)));
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'resolved',
      (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
    );
  const list = async (filter: PracticeListFilter, by = ANONYMOUS) =>
    (await app.queries.execute(new ListPracticesQuery(filter, by, { page: 1, limit: 100 }))).items.map((p) => p.title);

  it('shares a practice and keeps each event with its actor in the timeline', async () => {
    const created = await share();
    expect(created).toMatchObject({
      authorCityId: 'sevilla',
      status: 'published',
      version: 1,
      endorsementCount: 0,
      actionArea: null,
      hiddenReason: null,
    });
    await app.commands.execute(new EndorsePracticeCommand(created.id, undefined, lliria));
    await app.commands.execute(new CommentOnPracticeCommand(created.id, { text: 'Inspiring' }, valencia));
    const now = await get(created.id);
    expect(now).toMatchObject({ version: 3, endorsementCount: 1, commentCount: 1 });
    const timeline = await app.queries.execute(new GetPracticeTimelineQuery(created.id, ANONYMOUS));
    expect(timeline.map((e) => [e.type, e.actor.cityId])).toEqual([
      ['PracticeShared', 'sevilla'],
      ['PracticeEndorsed', 'lliria'],
      ['PracticeCommented', 'valencia'],
    ]);
  });

  it('of 10 simultaneous endorsements by one city, stores exactly one; the others are 409', async () => {
    const created = await share();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => codeOf(app.commands.execute(new EndorsePracticeCommand(created.id, undefined, lliria)))),
    );
    expect(results.filter((r) => r === 'resolved')).toHaveLength(1);
    expect(results.filter((r) => r === 'practice.already-endorsed')).toHaveLength(9);
    expect((await get(created.id)).endorsementCount).toBe(1);
    const timeline = await app.queries.execute(new GetPracticeTimelineQuery(created.id, ANONYMOUS));
    expect(timeline.filter((e) => e.type === 'PracticeEndorsed')).toHaveLength(1);
  });

  it('counts simultaneous endorsements by different cities exactly', async () => {
    const created = await share();
    const cities = ['lliria', 'valencia', 'bilbao', 'burgos', 'granada', 'denia'];
    const results = await Promise.all(
      cities.map((c) => codeOf(app.commands.execute(new EndorsePracticeCommand(created.id, undefined, contextOf(c))))),
    );
    expect(results).toEqual(cities.map(() => 'resolved'));
    const practice = await get(created.id);
    expect(practice.endorsementCount).toBe(cities.length);
    expect(practice.version).toBe(1 + cities.length);
  });

  it('withdraws an endorsement, refuses a second withdrawal and takes a new endorsement', async () => {
    const created = await share();
    await app.commands.execute(new EndorsePracticeCommand(created.id, undefined, lliria));
    expect((await app.commands.execute(new WithdrawEndorsementCommand(created.id, undefined, lliria))).endorsementCount).toBe(0);
    await expect(codeOf(app.commands.execute(new WithdrawEndorsementCommand(created.id, undefined, lliria)))).resolves.toBe('practice.not-endorsed');
    expect((await app.commands.execute(new EndorsePracticeCommand(created.id, undefined, lliria))).endorsementCount).toBe(1);
  });

  it('lets one of two PATCHes from the same version win; without a version it applies to the current state', async () => {
    const created = await share();
    const results = await Promise.all(
      ['A', 'B'].map((t) => codeOf(app.commands.execute(new UpdatePracticeCommand(created.id, { title: `Title ${t}`, version: 1 }, sevilla)))),
    );
    expect(results.sort()).toEqual(['practice.stale-version', 'resolved']);
    await app.commands.execute(new EndorsePracticeCommand(created.id, undefined, lliria));
    const edited = await app.commands.execute(new UpdatePracticeCommand(created.id, { tags: ['Heritage', 'Design'] }, sevilla));
    expect(edited).toMatchObject({ tags: ['heritage', 'design'], version: 4, endorsementCount: 1 });
  });

  it('hides a comment from everyone but admins and its author city, counts published comments, resolves its reports', async () => {
    const created = await share();
    const first = await app.commands.execute(new CommentOnPracticeCommand(created.id, { text: 'First' }, lliria));
    await app.commands.execute(new CommentOnPracticeCommand(created.id, { text: 'Second' }, valencia));
    const report = await app.commands.execute(new ReportCommentCommand(first.id, { reason: 'Rude' }, valencia));
    expect(report).toMatchObject({ targetType: 'comment', targetId: first.id, status: 'open', commentText: 'First' });

    const hidden = await app.commands.execute(new HideCommentCommand(first.id, 'Rude', admin));
    expect(hidden).toMatchObject({ status: 'hidden', hiddenReason: 'Rude', version: 2 });
    expect((await get(created.id)).commentCount).toBe(1);

    const texts = async (by: typeof sevilla | null) =>
      (await app.queries.execute(new ListCommentsQuery(created.id, by ? viewerOf(by) : ANONYMOUS, { page: 1, limit: 20 }))).items.map((c) => c.text);
    expect(await texts(null)).toEqual(['Second']);
    expect(await texts(sevilla)).toEqual(['Second']);
    expect(await texts(lliria)).toEqual(['First', 'Second']);
    expect(await texts(admin)).toEqual(['First', 'Second']);

    const reports = await app.queries.execute(new ListReportsQuery(undefined, { page: 1, limit: 100 }));
    expect(reports.items.find((r) => r.id === report.id)).toMatchObject({ status: 'resolved', resolvedBy: 'user-admin', version: 2 });
    const timeline = async (by: typeof sevilla) =>
      (await app.queries.execute(new GetPracticeTimelineQuery(created.id, viewerOf(by)))).map((e) => e.type);
    expect(await timeline(valencia)).toEqual(['PracticeShared', 'PracticeCommented']);
    expect(await timeline(lliria)).toEqual(['PracticeShared', 'PracticeCommented', 'PracticeCommented', 'CommentHidden']);
    expect(await timeline(admin)).toEqual(['PracticeShared', 'PracticeCommented', 'PracticeCommented', 'CommentReported', 'CommentHidden']);

    // The live replay shows the same, after a seq and up to a limit.
    const all = await app.queries.execute(new ListPracticeEventsQuery(created.id, viewerOf(admin)));
    const replay = await app.queries.execute(new ListPracticeEventsQuery(created.id, viewerOf(valencia), all![0].seq));
    expect(replay!.map((e) => e.type)).toEqual(['PracticeCommented']);
    expect((await app.queries.execute(new ListPracticeEventsQuery(created.id, viewerOf(admin), 0, 2)))!.map((e) => e.seq)).toEqual([
      all![0].seq,
      all![1].seq,
    ]);
  });

  it('takes a report once per user, even two at once, and resolves open reports when the practice is hidden', async () => {
    const created = await share();
    const results = await Promise.all(
      [1, 2].map(() => codeOf(app.commands.execute(new ReportPracticeCommand(created.id, { reason: 'Spam' }, lliria)))),
    );
    expect(results.sort()).toEqual(['practice.already-reported', 'resolved']);
    await app.commands.execute(new ReportPracticeCommand(created.id, { reason: 'Advertising' }, valencia));
    expect((await get(created.id)).version).toBe(1); // a report changes nothing readers see

    const open = async () =>
      (await app.queries.execute(new ListReportsQuery('open', { page: 1, limit: 100 }))).items.filter((r) => r.practiceId === created.id);
    expect((await open()).map((r) => r.reason).sort()).toEqual(['Advertising', 'Spam']);
    await app.commands.execute(new HidePracticeCommand(created.id, 'Advertising', admin));
    expect(await open()).toEqual([]);
    await expect(codeOf(get(created.id, lliria))).resolves.toBe('practice.not-found');
    expect(await get(created.id, sevilla)).toMatchObject({ status: 'hidden', hiddenReason: 'Advertising' });
    await expect(app.queries.execute(new CanViewPracticeQuery(created.id, { userId: null, cityId: null, role: null }))).resolves.toBe(false);
    await expect(app.queries.execute(new CanViewPracticeQuery(created.id, { userId: 'u', cityId: 'sevilla', role: 'city' }))).resolves.toBe(true);
    await expect(app.queries.execute(new ListPracticeEventsQuery(created.id, viewerOf(lliria)))).resolves.toBeNull();
    await app.commands.execute(new UnhidePracticeCommand(created.id, admin));
    expect(await get(created.id, lliria)).toMatchObject({ status: 'published', hiddenReason: null });
  });

  it('searches words stemmed and accent-free, best match first, in every language', async () => {
    const tag = `t${randomBytes(3).toString('hex')}`;
    await share({ title: `Street musicians ${tag}`, summary: 'Licences for buskers', body: 'A festival of workshops.', tags: [tag] });
    await share({ title: `Workshops for makers ${tag}`, summary: 'Open studios', body: 'Craft in the old town.', tags: [tag] });
    await share({ title: `Diseño urbano ${tag}`, summary: 'Talleres de diseño', body: 'Un programa de la ciudad.', language: 'es', tags: [tag] });
    await share({ title: `Cinéma en plein air ${tag}`, summary: 'Projections', body: 'Des ateliers pour les jeunes.', language: 'fr', tags: [tag] });

    // Plural → singular, the title (weight 10) before the body (weight 1). Words are ORed, as in MongoDB.
    expect(await list({ q: 'workshop', tag })).toEqual([`Workshops for makers ${tag}`, `Street musicians ${tag}`]);
    // Case and accents ignored, in a Spanish and a French practice.
    expect(await list({ q: 'DISENO', tag })).toEqual([`Diseño urbano ${tag}`]);
    expect(await list({ q: 'cinema', tag })).toEqual([`Cinéma en plein air ${tag}`]);
    expect(await list({ q: 'diseño', tag, language: 'en' })).toEqual([]);
    expect((await app.queries.execute(new ListPracticesQuery({ q: tag, tag }, ANONYMOUS, { page: 2, limit: 3 }))).total).toBe(4);
  });

  it('sorts by endorsements, newest first among equals', async () => {
    const tag = `t${randomBytes(3).toString('hex')}`;
    const a = await share({ title: `A ${tag}`, tags: [tag] });
    await share({ title: `B ${tag}`, tags: [tag] });
    const c = await share({ title: `C ${tag}`, tags: [tag] });
    await app.commands.execute(new EndorsePracticeCommand(a.id, undefined, lliria));
    await app.commands.execute(new EndorsePracticeCommand(a.id, undefined, valencia));
    await app.commands.execute(new EndorsePracticeCommand(c.id, undefined, lliria));
    expect(await list({ tag, sort: 'endorsed' })).toEqual([`A ${tag}`, `C ${tag}`, `B ${tag}`]);
    expect(await list({ tag, sort: 'recent' })).toEqual([`C ${tag}`, `B ${tag}`, `A ${tag}`]);
    expect(await list({ tag, sort: 'relevance' })).toEqual([`C ${tag}`, `B ${tag}`, `A ${tag}`]);
  });

  it('opens one exchange per city and practice, counts requests, and lists them by side', async () => {
    const created = await share();
    const results = await Promise.all(
      [1, 2].map(() =>
        codeOf(app.commands.execute(new RequestExchangeCommand(created.id, { message: 'May we visit?', format: 'study-visit' }, lliria))),
      ),
    );
    expect(results.sort()).toEqual(['exchange.already-open', 'resolved']);
    expect((await get(created.id)).exchangeCount).toBe(1);

    const mine = await app.queries.execute(new ListExchangesQuery({ role: 'requester' }, viewerOf(lliria), { page: 1, limit: 20 }));
    const exchange = mine.items.find((e) => e.practiceId === created.id)!;
    expect(exchange).toMatchObject({ hostCityId: 'sevilla', requesterCityId: 'lliria', status: 'requested', proposedDates: null, version: 1 });
    const hosted = await app.queries.execute(
      new ListExchangesQuery({ role: 'host', practiceId: created.id }, viewerOf(sevilla), { page: 1, limit: 20 }),
    );
    expect(hosted.items.map((e) => e.id)).toEqual([exchange.id]);

    await app.commands.execute(new AcceptExchangeCommand(exchange.id, 'Welcome', sevilla));
    const done = await app.commands.execute(new CompleteExchangeCommand(exchange.id, { feedback: 'We learnt a lot', rating: 5 }, lliria));
    expect(done).toMatchObject({ status: 'completed', response: 'Welcome', rating: 5, version: 3 });
    // Completed: the city may ask again; every request counts.
    await app.commands.execute(new RequestExchangeCommand(created.id, { message: 'Again?', format: 'online' }, lliria));
    expect((await get(created.id)).exchangeCount).toBe(2);

    const activity = await app.queries.execute(new ListCityPracticeActivityQuery('lliria'));
    expect(activity.exchangePartners).toEqual(expect.arrayContaining([{ cityId: 'sevilla', exchanges: expect.any(Number) }]));
    const summary = await app.queries.execute(new GetPracticeSummaryQuery(created.id));
    expect(summary).toMatchObject({ id: created.id, authorCityId: 'sevilla', field: 'design', status: 'published', language: 'en' });
    await expect(app.queries.execute(new GetPracticeSummaryQuery('missing'))).resolves.toBeNull();
  });

  it('refuses an admin endorsing for a city that does not exist (400), storing nothing', async () => {
    const created = await share();
    await expect(codeOf(app.commands.execute(new EndorsePracticeCommand(created.id, 'atlantis', admin)))).resolves.toBe('invalid-input');
    expect((await get(created.id)).version).toBe(1);
  });
});
