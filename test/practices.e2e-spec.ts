import { ApiClient } from '@app/testing';
import { appWithCities } from './support/app-with-cities';
import type { CityUser } from './support/city-users';
import { expectDocumentedRoutes, openApiDocument, type DocumentedRoute } from './support/openapi';
import { expectBadRequests, expectFieldErrors, expectProblem, ok, type BadRequest } from './support/http-expectations';
import { idsOf, practiceBody, sharePractice } from './support/practices';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** SPEC §3 Best practices over HTTP: sharing, reading, search, editing, endorsements, comments, rights, bad input. */
describe('Practices (HTTP)', () => {
  const { app, api, admin, users } = appWithCities(['sevilla', 'lliria', 'valencia']);
  const [sevilla, lliria, valencia] = users;

  describe('sharing and reading', () => {
    it('shares a practice by the caller’s city, readable by anyone', async () => {
      const res = await sevilla.api.post(
        '/practices',
        practiceBody({ title: '  Design weeks  ', tags: [' Heritage ', 'heritage'], sdgs: [11, 8, 11] }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        title: 'Design weeks',
        summary: 'Empty shops lent to young designers for a month every spring',
        body: 'Every spring, empty shops in the old town host workshops and exhibitions by local designers.',
        field: 'design',
        actionArea: 'urban-policy',
        sdgs: [11, 8],
        tags: ['heritage'],
        language: 'en',
        outcomes: 'Forty shops reopened',
        links: [{ title: 'Programme', url: 'https://example.org/programme' }],
        authorCityId: sevilla.cityId,
        endorsementCount: 0,
        commentCount: 0,
        exchangeCount: 0,
        status: 'published',
        hiddenReason: null,
        hiddenAt: null,
        version: 1,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      const read = await api.get(`/practices/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
    });

    it('says null for optional values left out', async () => {
      const { actionArea: _a, outcomes: _o, links: _l, ...required } = practiceBody();
      const res = await sevilla.api.post('/practices', required);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ actionArea: null, outcomes: null, links: [] });
    });

    it('lets an admin share for a named city, and tells an admin without one what to send', async () => {
      const named = await admin.post('/practices', practiceBody({ authorCityId: valencia.cityId }));
      expect(named.status).toBe(201);
      expect(named.body.authorCityId).toBe(valencia.cityId);
      const none = await admin.post('/practices', practiceBody());
      expectProblem(none, 403, 'practice.city-required');
      expectFieldErrors(await admin.post('/practices', practiceBody({ authorCityId: 'no-such-city' })), ['authorCityId']);
      expectProblem(await sevilla.api.post('/practices', practiceBody({ authorCityId: lliria.cityId })), 403, 'practice.not-your-city');
    });

    it('replays POST /practices with the same Idempotency-Key: one practice', async () => {
      const body = practiceBody({ title: 'Idempotent pottery', tags: ['idempotent-pottery'] });
      const headers = { 'Idempotency-Key': 'share-pottery-1' };
      const first = await sevilla.api.post('/practices', body, headers);
      const second = await sevilla.api.post('/practices', body, headers);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.id).toBe(first.body.id);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect((await api.get('/practices?tag=idempotent-pottery')).body.total).toBe(1);
    });

    it('answers 404 for an unknown practice on every route', async () => {
      const id = 'no-such-practice';
      for (const path of ['', '/comments', '/timeline']) expectProblem(await api.get(`/practices/${id}${path}`), 404, 'practice.not-found');
      const writes: [string, string, object | undefined][] = [
        ['PATCH', '', { title: 'x' }],
        ['POST', '/endorsements', {}],
        ['DELETE', '/endorsements', undefined],
        ['POST', '/comments', { text: 'Hi' }],
        ['POST', '/exchanges', { message: 'Hi', format: 'online' }],
        ['POST', '/reports', { reason: 'Spam' }],
      ];
      for (const [method, path, body] of writes) {
        expectProblem(await lliria.api.request(method, `/practices/${id}${path}`, body), 404, 'practice.not-found');
      }
      for (const path of ['/hide', '/unhide'])
        expectProblem(await admin.post(`/practices/${id}${path}`, path === '/hide' ? { reason: 'x' } : {}), 404);
    });
  });

  describe('search and lists', () => {
    let tag: string;
    let gardens: any;
    let diseno: any;
    let cinema: any;
    let workshops: any;

    beforeAll(async () => {
      tag = `zq${Date.now().toString(36)}`;
      gardens = await sevilla.api.post(
        '/practices',
        practiceBody({
          title: 'Community gardens on rooftops',
          summary: 'Growing food together',
          body: 'Neighbours garden.',
          tags: [tag, 'food'],
          field: 'gastronomy',
          sdgs: [2, 11],
        }),
      );
      diseno = await lliria.api.post(
        '/practices',
        practiceBody({
          title: 'Diseño de mobiliario urbano',
          summary: 'Talleres de diseño con artesanos',
          body: 'Bancos y farolas diseñados por jóvenes.',
          tags: [tag],
          language: 'es',
          sdgs: [9],
        }),
      );
      cinema = await valencia.api.post(
        '/practices',
        practiceBody({
          title: 'Cinéma en plein air',
          summary: 'Des projections gratuites',
          body: 'Chaque été, des films sur les places.',
          tags: [tag],
          language: 'fr',
          field: 'film',
          sdgs: [4],
        }),
      );
      workshops = await sevilla.api.post(
        '/practices',
        practiceBody({
          title: 'Open studios',
          summary: 'Makers show their craft',
          body: 'A festival of workshops in the old town.',
          tags: [tag, 'crafts'],
          sdgs: [8],
        }),
      );
      [gardens, diseno, cinema, workshops] = [gardens, diseno, cinema, workshops].map((r) => {
        expect(r.status).toBe(201);
        return r.body;
      });
    });

    const q = (query: string) => idsOf(api, `/practices?tag=${tag}&${query}`);

    it('finds a practice by a stemmed English word, in any case', async () => {
      expect(await q('q=gardening')).toEqual([gardens.id]);
      expect(await q('q=GARDENS')).toEqual([gardens.id]);
      expect(await q('q=workshop')).toEqual([workshops.id]);
    });

    it('finds a Spanish practice by a Spanish word, plural or without accents ("diseños", "disenos")', async () => {
      expect(await q('q=dise%C3%B1os')).toEqual([diseno.id]);
      expect(await q('q=disenos')).toEqual([diseno.id]);
      expect(await q('q=cinema')).toEqual([cinema.id]);
      expect(await q('q=disenos&language=es')).toEqual([diseno.id]);
      expect(await q('q=disenos&language=fr')).toEqual([]);
    });

    it('puts the best match first: the title outweighs the body', async () => {
      const top = await sevilla.api.post(
        '/practices',
        practiceBody({ title: 'Workshops for makers', summary: 'Open doors', body: 'Craft.', tags: [tag] }),
      );
      expect(await q('q=workshops')).toEqual([top.body.id, workshops.id]);
      expect(await q('q=workshops&sort=relevance')).toEqual([top.body.id, workshops.id]);
      expect(await q('q=workshops&sort=recent')).toEqual([top.body.id, workshops.id]);
      expect(await q('q=craft&sort=relevance')).toEqual([workshops.id, top.body.id]); // tag (5) over body (1)
    });

    it('filters by field, author city, SDG, tag and language, and sorts by endorsements', async () => {
      expect(await q('field=film')).toEqual([cinema.id]);
      expect(await q(`cityId=${lliria.cityId}`)).toEqual([diseno.id]);
      expect(await q('sdg=2')).toEqual([gardens.id]);
      expect(await idsOf(api, `/practices?tag=FOOD`)).toContain(gardens.id);
      expect(await q('language=fr')).toEqual([cinema.id]);
      await ok(lliria.api.post(`/practices/${cinema.id}/endorsements`));
      await ok(sevilla.api.post(`/practices/${cinema.id}/endorsements`));
      await ok(lliria.api.post(`/practices/${gardens.id}/endorsements`));
      const endorsed = await q('sort=endorsed');
      expect(endorsed.slice(0, 2)).toEqual([cinema.id, gardens.id]);
      expect(await q('sort=relevance')).toEqual(await q('sort=recent')); // without q: newest first
    });

    it('pages a list', async () => {
      const page = await api.get(`/practices?tag=${tag}&limit=2&page=2&sort=recent`);
      expect(page.body).toMatchObject({ total: 5, page: 2, limit: 2 });
      expect(page.body.items).toHaveLength(2);
      expect((await api.get('/practices')).body).toMatchObject({ page: 1, limit: 20, total: expect.any(Number) });
    });
  });

  describe('editing', () => {
    it('lets the author city and admins edit; a stale version is 409, no version applies to the current state', async () => {
      const practice = await sharePractice(sevilla);
      const edited = await sevilla.api.patch(`/practices/${practice.id}`, { title: 'Design weeks, second edition', actionArea: null, version: 1 });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'Design weeks, second edition', actionArea: null, version: 2 });
      expectProblem(await sevilla.api.patch(`/practices/${practice.id}`, { title: 'Stale', version: 1 }), 409, 'practice.stale-version');
      await ok(lliria.api.post(`/practices/${practice.id}/endorsements`));
      const noVersion = await admin.patch(`/practices/${practice.id}`, { outcomes: 'Sixty shops reopened' });
      expect(noVersion.status).toBe(200);
      expect(noVersion.body).toMatchObject({ outcomes: 'Sixty shops reopened', endorsementCount: 1, version: 4 });
      const same = await sevilla.api.patch(`/practices/${practice.id}`, { outcomes: 'Sixty shops reopened' });
      expect(same.body.version).toBe(4); // nothing changed, nothing recorded
    });
  });

  describe('endorsements', () => {
    it('counts one endorsement per city, refuses the author and a second one, and takes a withdrawal', async () => {
      const practice = await sharePractice(sevilla);
      const p = `/practices/${practice.id}`;
      const first = await lliria.api.post(`${p}/endorsements`);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ id: practice.id, endorsementCount: 1, version: 2 });
      expectProblem(await lliria.api.post(`${p}/endorsements`), 409, 'practice.already-endorsed');
      expectProblem(await sevilla.api.post(`${p}/endorsements`), 409, 'practice.cannot-endorse-own');
      const withdrawn = await lliria.api.delete(`${p}/endorsements`);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.endorsementCount).toBe(0);
      expectProblem(await lliria.api.delete(`${p}/endorsements`), 409, 'practice.not-endorsed');
      expect((await lliria.api.post(`${p}/endorsements`)).body.endorsementCount).toBe(1);
      const byAdmin = await admin.post(`${p}/endorsements`, { cityId: valencia.cityId });
      expect(byAdmin.body.endorsementCount).toBe(2);
      expect((await admin.delete(`${p}/endorsements?cityId=${valencia.cityId}`)).body.endorsementCount).toBe(1);
      expectProblem(await admin.post(`${p}/endorsements`), 403, 'practice.city-required');
    });

    it('makes exactly one endorsement of 10 simultaneous ones by a city; the others are 409', async () => {
      const practice = await sharePractice(sevilla);
      const answers = await Promise.all(Array.from({ length: 10 }, () => lliria.api.post(`/practices/${practice.id}/endorsements`)));
      expect(answers.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      for (const res of answers.filter((r) => r.status === 409)) expect(res.body.code).toBe('practice.already-endorsed');
      expect((await api.get(`/practices/${practice.id}`)).body.endorsementCount).toBe(1);
      const timeline = await api.get(`/practices/${practice.id}/timeline`);
      expect(timeline.body.filter((e: { type: string }) => e.type === 'PracticeEndorsed')).toHaveLength(1);
    });
  });

  describe('comments and timeline', () => {
    it('takes comments from any signed-in user, lists them oldest first in pages, and counts them', async () => {
      const practice = await sharePractice(sevilla);
      const p = `/practices/${practice.id}`;
      const first = await lliria.api.post(`${p}/comments`, { text: '  Inspiring!  ' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        practiceId: practice.id,
        authorCityId: lliria.cityId,
        authorUserId: expect.any(String),
        text: 'Inspiring!',
        status: 'published',
        hiddenReason: null,
        hiddenAt: null,
        version: 1,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      await ok(sevilla.api.post(`${p}/comments`, { text: 'Thank you' }));
      const byAdmin = await ok(admin.post(`${p}/comments`, { text: 'Featured in the newsletter' }));
      expect(byAdmin.authorCityId).toBeNull();
      const page = await api.get(`${p}/comments?limit=2`);
      expect(page.body).toMatchObject({ total: 3, page: 1, limit: 2 });
      expect(page.body.items.map((c: { text: string }) => c.text)).toEqual(['Inspiring!', 'Thank you']);
      expect((await api.get(`${p}/comments?page=2&limit=2`)).body.items.map((c: { text: string }) => c.text)).toEqual(['Featured in the newsletter']);
      expect((await api.get(p)).body.commentCount).toBe(3);
    });

    it('shows the practice’s events in order with their actors', async () => {
      const practice = await sharePractice(sevilla);
      await ok(lliria.api.post(`/practices/${practice.id}/endorsements`));
      await ok(valencia.api.post(`/practices/${practice.id}/comments`, { text: 'Great' }));
      await ok(sevilla.api.patch(`/practices/${practice.id}`, { summary: 'Shorter' }));
      const res = await api.get(`/practices/${practice.id}/timeline`);
      expect(res.status).toBe(200);
      expect(res.body.map((e: any) => [e.type, e.actor.cityId])).toEqual([
        ['PracticeShared', sevilla.cityId],
        ['PracticeEndorsed', lliria.cityId],
        ['PracticeCommented', valencia.cityId],
        ['PracticeUpdated', sevilla.cityId],
      ]);
      expect(res.body[3]).toMatchObject({ seq: expect.any(Number), at: expect.stringMatching(ISO), data: { changes: { summary: 'Shorter' } } });
    });
  });

  describe('rights', () => {
    it('answers 401 to every anonymous write, changing nothing', async () => {
      const practice = await sharePractice(sevilla);
      const p = `/practices/${practice.id}`;
      const writes: [string, string, object | undefined][] = [
        ['POST', '/practices', practiceBody()],
        ['PATCH', p, { title: 'Hijacked' }],
        ['POST', `${p}/endorsements`, {}],
        ['DELETE', `${p}/endorsements`, undefined],
        ['POST', `${p}/comments`, { text: 'Hi' }],
        ['POST', `${p}/exchanges`, { message: 'Hi', format: 'online' }],
      ];
      for (const [method, path, body] of writes) {
        const res = await api.request(method, path, body);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 });
      }
      expect((await api.get(p)).body).toEqual(practice);
    });

    it('lets anyone read a published practice, its comments and timeline', async () => {
      const practice = await sharePractice(sevilla);
      for (const who of [api, lliria.api, sevilla.api, admin]) {
        for (const path of ['', '/comments', '/timeline']) expect((await who.get(`/practices/${practice.id}${path}`)).status).toBe(200);
        expect((await who.get('/practices')).status).toBe(200);
      }
    });

    it('answers each route as its rights say for another city, the author city and an admin', async () => {
      const practice = await sharePractice(sevilla);
      const p = `/practices/${practice.id}`;
      const cases: [string, CityUser | ApiClient, string, string, object | undefined, number, string?][] = [
        ['another city edits', lliria, 'PATCH', p, { title: 'Mine now' }, 403, 'practice.author-only'],
        ['the author edits', sevilla, 'PATCH', p, { title: 'Edited by the author' }, 200],
        ['an admin edits', admin, 'PATCH', p, { title: 'Edited by an admin' }, 200],
        ['the author endorses', sevilla, 'POST', `${p}/endorsements`, {}, 409, 'practice.cannot-endorse-own'],
        ['another city endorses', lliria, 'POST', `${p}/endorsements`, {}, 201],
        ['an admin endorses for a city', admin, 'POST', `${p}/endorsements`, { cityId: valencia.cityId }, 201],
        ['a city endorses for another', lliria, 'POST', `${p}/endorsements`, { cityId: valencia.cityId }, 403, 'practice.not-your-city'],
        ['another city withdraws', lliria, 'DELETE', `${p}/endorsements`, undefined, 200],
        ['the author withdraws', sevilla, 'DELETE', `${p}/endorsements`, undefined, 409, 'practice.not-endorsed'],
        ['an admin withdraws for a city', admin, 'DELETE', `${p}/endorsements?cityId=${valencia.cityId}`, undefined, 200],
        ['another city comments', lliria, 'POST', `${p}/comments`, { text: 'Hi' }, 201],
        ['the author comments', sevilla, 'POST', `${p}/comments`, { text: 'Hi' }, 201],
        ['an admin comments', admin, 'POST', `${p}/comments`, { text: 'Hi' }, 201],
        ['the author asks for an exchange', sevilla, 'POST', `${p}/exchanges`, { message: 'Hi', format: 'online' }, 409, 'exchange.own-practice'],
        ['another city asks for an exchange', lliria, 'POST', `${p}/exchanges`, { message: 'Hi', format: 'online' }, 201],
        ['an admin asks without a city', admin, 'POST', `${p}/exchanges`, { message: 'Hi', format: 'online' }, 403, 'practice.city-required'],
        ['an admin asks for a city', admin, 'POST', `${p}/exchanges`, { message: 'Hi', format: 'online', requesterCityId: valencia.cityId }, 201],
      ];
      for (const [what, who, method, path, body, status, code] of cases) {
        const client = who instanceof ApiClient ? who : who.api;
        const res = await client.request(method, path, body);
        expect({ what, status: res.status, code: res.body?.code }).toEqual({ what, status, code: code ?? res.body?.code });
      }
    });
  });

  describe('bad input', () => {
    let practiceId: string;
    beforeAll(async () => {
      practiceId = (await sharePractice(sevilla)).id;
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['a missing title', { title: undefined }, ['title']],
      ['a blank body', { body: '' }, ['body']],
      ['an unknown field', { field: 'opera' }, ['field']],
      ['an unknown action area', { actionArea: 'lobbying' }, ['actionArea']],
      ['an SDG out of range', { sdgs: [18] }, ['sdgs']],
      ['no SDG', { sdgs: [] }, ['sdgs']],
      ['tags that are not texts', { tags: [1] }, ['tags']],
      ['an unknown language', { language: 'de' }, ['language']],
      ['a link that is not http(s)', { links: [{ title: 'x', url: 'javascript:alert(1)' }] }, ['links.0.url']],
      ['a link without a title', { links: [{ url: 'https://example.org' }] }, ['links.0.title']],
      ['a link that is a list', { links: [[{ title: 'x', url: 'https://example.org' }]] }, ['links']],
      ['an unknown key', { colour: 'red' }, ['colour']],
      ['an operator key', { $where: '1' }, ['$where']],
    ])('refuses POST /practices with %s (400 naming the field)', async (_, overrides, fields) => {
      expectFieldErrors(await sevilla.api.post('/practices', practiceBody(overrides)), fields);
    });

    it('names the field of every other route’s bad input', async () => {
      const p = `/practices/${practiceId}`;
      const cases: BadRequest[] = [
        ['GET', '/practices?sort=best', undefined, ['sort']],
        ['GET', '/practices?sdg=0', undefined, ['sdg']],
        ['GET', '/practices?language=de', undefined, ['language']],
        ['GET', '/practices?limit=101', undefined, ['limit']],
        ['GET', '/practices?status=deleted', undefined, ['status']],
        ['GET', '/practices?colour=red', undefined, ['colour']],
        ['PATCH', p, { version: 'one' }, ['version']],
        ['PATCH', p, { title: '' }, ['title']],
        ['PATCH', p, { links: 'https://example.org' }, ['links']],
        ['PATCH', p, { authorCityId: lliria.cityId }, ['authorCityId']],
        ['POST', `${p}/endorsements`, { cityId: 5 }, ['cityId']],
        ['POST', `${p}/endorsements`, { why: 'because' }, ['why']],
        ['DELETE', `${p}/endorsements?cityId=`, undefined, ['cityId']],
        ['POST', `${p}/comments`, { text: '' }, ['text']],
        ['POST', `${p}/comments`, { text: 'x'.repeat(5001) }, ['text']],
        ['GET', `${p}/comments?page=0`, undefined, ['page']],
        ['POST', `${p}/exchanges`, { format: 'online' }, ['message']],
        ['POST', `${p}/exchanges`, { message: 'Hi', format: 'holiday' }, ['format']],
        ['POST', `${p}/exchanges`, { message: 'Hi', format: 'online', proposedDates: { from: 'May', to: '2026-05-08' } }, ['proposedDates.from']],
        [
          'POST',
          `${p}/exchanges`,
          { message: 'Hi', format: 'online', proposedDates: { from: '2026-05-08', to: '2026-05-01' } },
          ['proposedDates.to'],
        ],
        ['POST', `${p}/exchanges`, { message: 'Hi', format: 'online', proposedDates: '2026-05-08' }, ['proposedDates']],
      ];
      await expectBadRequests(lliria.api, cases);
    });
  });

  it('documents every practice route with its errors in the OpenAPI document', async () => {
    const doc = await openApiDocument(app.running.origin);
    const routes: DocumentedRoute[] = [
      ['', 'post', ['201', '400', '401', '403']],
      ['', 'get', ['200', '400', '401']],
      ['/{id}', 'get', ['200', '401', '404']],
      ['/{id}', 'patch', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/timeline', 'get', ['200', '401', '404']],
      ['/{id}/endorsements', 'post', ['201', '400', '401', '403', '404', '409']],
      ['/{id}/endorsements', 'delete', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/comments', 'post', ['201', '400', '401', '404', '409']],
      ['/{id}/comments', 'get', ['200', '400', '401', '404']],
      ['/{id}/exchanges', 'post', ['201', '400', '401', '403', '404', '409']],
    ];
    expectDocumentedRoutes(doc, '/api/v1/practices', routes, { summaries: true });
    expect(doc.components.schemas.PracticeView.required).toEqual(expect.arrayContaining(['endorsementCount', 'status', 'version']));
  });
});
