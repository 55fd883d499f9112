import type { ApiClient } from '@app/testing';
import { appWithCities } from './support/app-with-cities';
import { createCityUser } from './support/city-users';
import { expectDocumentedRoutes, openApiDocument, type DocumentedRoute } from './support/openapi';
import { expectBadRequests, expectProblem, ok, type BadRequest } from './support/http-expectations';
import { idsOf, sharePractice } from './support/practices';

/** SPEC §3 Moderation over HTTP: reports, the admins' queue, hiding and what a hidden item looks like to whom. */
describe('Moderation of practices and comments (HTTP)', () => {
  // Sevilla authors the practices, Llíria comments, Valencia reports.
  const { app, api, admin, users } = appWithCities(['sevilla', 'lliria', 'valencia']);
  const [sevilla, lliria, valencia] = users;

  const reportsOf = async (targetId: string, status = '') =>
    ((await ok(admin.get(`/reports?limit=100${status ? `&status=${status}` : ''}`))).items as any[]).filter((r) => r.targetId === targetId);

  describe('reports', () => {
    it('takes one report per user of a practice or a comment, and lists them for admins with what was reported', async () => {
      const practice = await sharePractice(sevilla);
      const comment = await ok(lliria.api.post(`/practices/${practice.id}/comments`, { text: 'Buy cheap watches' }));

      const res = await valencia.api.post(`/practices/${practice.id}/reports`, { reason: 'Advertising' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        targetType: 'practice',
        targetId: practice.id,
        practiceId: practice.id,
        practiceTitle: practice.title,
        commentText: null,
        reason: 'Advertising',
        reporterCityId: valencia.cityId,
        status: 'open',
        version: 1,
      });
      expectProblem(await valencia.api.post(`/practices/${practice.id}/reports`, { reason: 'Again' }), 409, 'practice.already-reported');
      const colleague = await createCityUser(api, app.adminToken, 'valencia');
      expect((await colleague.api.post(`/practices/${practice.id}/reports`, { reason: 'Spam' })).status).toBe(201);
      expect((await sevilla.api.post(`/practices/${practice.id}/reports`, { reason: 'Outdated' })).status).toBe(201);

      expect((await valencia.api.post(`/comments/${comment.id}/reports`, { reason: 'Spam' })).body).toMatchObject({
        targetType: 'comment',
        targetId: comment.id,
        commentText: 'Buy cheap watches',
      });
      expectProblem(await valencia.api.post(`/comments/${comment.id}/reports`, { reason: 'Spam' }), 409, 'comment.already-reported');

      expect((await reportsOf(practice.id, 'open')).map((r) => r.reason)).toEqual(['Advertising', 'Spam', 'Outdated']); // oldest first
      expect(await reportsOf(comment.id, 'open')).toHaveLength(1);
      expect((await api.get(`/practices/${practice.id}`)).body.version).toBe(2); // the comment; reports change nothing readers see
    });

    it('keeps reports from everyone but admins, timeline included', async () => {
      const practice = await sharePractice(sevilla);
      await ok(valencia.api.post(`/practices/${practice.id}/reports`, { reason: 'Spam' }));
      expectProblem(await api.get('/reports'), 401);
      expectProblem(await valencia.api.get('/reports'), 403);
      for (const who of [api, valencia.api, sevilla.api]) {
        const types = (await ok(who.get(`/practices/${practice.id}/timeline`))).map((e: { type: string }) => e.type);
        expect(types).toEqual(['PracticeShared']);
      }
      expect((await ok(admin.get(`/practices/${practice.id}/timeline`))).map((e: { type: string }) => e.type)).toEqual([
        'PracticeShared',
        'PracticeReported',
      ]);
    });
  });

  describe('hidden practices', () => {
    let practice: any;
    let tag: string;

    beforeAll(async () => {
      tag = `zq${Date.now().toString(36)}`;
      practice = await sharePractice(sevilla, { tags: [tag] });
      await ok(valencia.api.post(`/practices/${practice.id}/reports`, { reason: 'Advertising' }));
      const hidden = await admin.post(`/practices/${practice.id}/hide`, { reason: 'Advertising for a private company' });
      expect(hidden.status).toBe(200);
      expect(hidden.body).toMatchObject({
        status: 'hidden',
        hiddenReason: 'Advertising for a private company',
        hiddenAt: expect.any(String),
        version: 2,
      });
    });

    it('resolves the open reports of the practice', async () => {
      expect(await reportsOf(practice.id, 'open')).toEqual([]);
      expect(await reportsOf(practice.id, 'resolved')).toEqual([
        expect.objectContaining({ status: 'resolved', resolvedBy: expect.any(String), version: 2 }),
      ]);
    });

    it('disappears for anonymous readers and other cities (404, not listed)', async () => {
      for (const who of [api, lliria.api]) {
        for (const path of ['', '/comments', '/timeline'])
          expectProblem(await who.get(`/practices/${practice.id}${path}`), 404, 'practice.not-found');
        expect(await idsOf(who, `/practices?tag=${tag}`)).toEqual([]);
        expect(await idsOf(who, `/practices?tag=${tag}&status=hidden`)).toEqual([]);
      }
      for (const [method, path, body] of [
        ['POST', '/endorsements', {}],
        ['POST', '/comments', { text: 'Hi' }],
        ['POST', '/exchanges', { message: 'Hi', format: 'online' }],
        ['POST', '/reports', { reason: 'Still spam' }],
      ] as const) {
        expectProblem(await lliria.api.request(method, `/practices/${practice.id}${path}`, body), 404, 'practice.not-found');
      }
    });

    it('stays visible to admins and the author city, which is told why', async () => {
      for (const who of [sevilla.api, admin]) {
        expect((await ok(who.get(`/practices/${practice.id}`))).hiddenReason).toBe('Advertising for a private company');
        expect(await idsOf(who, `/practices?tag=${tag}`)).toEqual([practice.id]);
        expect(await idsOf(who, `/practices?tag=${tag}&status=published`)).toEqual([]);
        const timeline = await ok(who.get(`/practices/${practice.id}/timeline`));
        expect(timeline.find((e: { type: string }) => e.type === 'PracticeHidden')?.data).toMatchObject({
          reason: 'Advertising for a private company',
        });
      }
    });

    it('accepts no endorsement, comment, exchange or report while hidden (409), but its author may edit it', async () => {
      const p = `/practices/${practice.id}`;
      expectProblem(await admin.post(`${p}/endorsements`, { cityId: lliria.cityId }), 409, 'practice.hidden');
      expectProblem(await sevilla.api.post(`${p}/comments`, { text: 'Why?' }), 409, 'practice.hidden');
      expectProblem(await admin.post(`${p}/exchanges`, { message: 'Hi', format: 'online', requesterCityId: lliria.cityId }), 409, 'practice.hidden');
      expectProblem(await sevilla.api.post(`${p}/reports`, { reason: 'x' }), 409, 'practice.hidden');
      expectProblem(await admin.post(`${p}/hide`, { reason: 'Again' }), 409, 'practice.already-hidden');
      expect((await sevilla.api.patch(p, { summary: 'No more advertising' })).status).toBe(200);
    });

    it('comes back for everyone when unhidden, without its moderation history for others', async () => {
      const other = await sharePractice(sevilla);
      await ok(admin.post(`/practices/${other.id}/hide`, { reason: 'Check' }));
      const shown = await admin.post(`/practices/${other.id}/unhide`);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ status: 'published', hiddenReason: null, hiddenAt: null });
      expect((await api.get(`/practices/${other.id}`)).status).toBe(200);
      expect((await ok(api.get(`/practices/${other.id}/timeline`))).map((e: { type: string }) => e.type)).toEqual(['PracticeShared']);
      expectProblem(await admin.post(`/practices/${other.id}/unhide`), 409, 'practice.not-hidden');
    });
  });

  describe('hidden comments', () => {
    it('disappear for all but admins and their author city, which sees the reason; counts follow', async () => {
      const practice = await sharePractice(sevilla);
      const p = `/practices/${practice.id}`;
      const rude = await ok(lliria.api.post(`${p}/comments`, { text: 'Rude words' }));
      await ok(valencia.api.post(`${p}/comments`, { text: 'Kind words' }));
      await ok(valencia.api.post(`/comments/${rude.id}/reports`, { reason: 'Rude' }));

      const hidden = await admin.post(`/comments/${rude.id}/hide`, { reason: 'Insults' });
      expect(hidden.status).toBe(200);
      expect(hidden.body).toMatchObject({ id: rude.id, status: 'hidden', hiddenReason: 'Insults', version: 2 });
      expect((await api.get(p)).body.commentCount).toBe(1);
      expect(await reportsOf(rude.id, 'open')).toEqual([]);

      const texts = async (who: ApiClient) => (await ok(who.get(`${p}/comments`))).items.map((c: { text: string }) => c.text);
      for (const who of [api, valencia.api, sevilla.api]) expect(await texts(who)).toEqual(['Kind words']);
      for (const who of [lliria.api, admin]) expect(await texts(who)).toEqual(['Rude words', 'Kind words']);
      const own = (await ok(lliria.api.get(`${p}/comments`))).items[0];
      expect(own).toMatchObject({ status: 'hidden', hiddenReason: 'Insults' });
      const publicTimeline = (await ok(api.get(`${p}/timeline`))).map((e: { type: string }) => e.type);
      expect(publicTimeline).toEqual(['PracticeShared', 'PracticeCommented']);

      expectProblem(await valencia.api.post(`/comments/${rude.id}/reports`, { reason: 'x' }), 404, 'comment.not-found');
      expectProblem(await lliria.api.post(`/comments/${rude.id}/reports`, { reason: 'x' }), 409, 'comment.hidden');
      expectProblem(await admin.post(`/comments/${rude.id}/hide`, { reason: 'Again' }), 409, 'comment.already-hidden');

      const shown = await admin.post(`/comments/${rude.id}/unhide`);
      expect(shown.body).toMatchObject({ status: 'published', hiddenReason: null });
      expect((await api.get(p)).body.commentCount).toBe(2);
      expect(await texts(api)).toEqual(['Rude words', 'Kind words']);
      expectProblem(await admin.post(`/comments/${rude.id}/unhide`), 409, 'comment.not-hidden');
    });
  });

  describe('rights and input', () => {
    it('answers each moderation route as its rights say', async () => {
      const practice = await sharePractice(sevilla);
      const comment = await ok(lliria.api.post(`/practices/${practice.id}/comments`, { text: 'Hello' }));
      const routes: [string, object][] = [
        [`/practices/${practice.id}/hide`, { reason: 'x' }],
        [`/practices/${practice.id}/unhide`, {}],
        [`/comments/${comment.id}/hide`, { reason: 'x' }],
        [`/comments/${comment.id}/unhide`, {}],
      ];
      for (const [path, body] of routes) {
        expect({ path, status: (await api.post(path, body)).status }).toEqual({ path, status: 401 });
        for (const who of [sevilla, lliria, valencia]) expectProblem(await who.api.post(path, body), 403);
      }
      for (const path of [`/practices/${practice.id}/reports`, `/comments/${comment.id}/reports`]) {
        expect((await api.post(path, { reason: 'x' })).status).toBe(401);
        expect((await admin.post(path, { reason: 'Checking' })).status).toBe(201);
      }
      expectProblem(await admin.post(`/comments/no-such-comment/hide`, { reason: 'x' }), 404, 'comment.not-found');
      expectProblem(await valencia.api.post(`/comments/no-such-comment/reports`, { reason: 'x' }), 404, 'comment.not-found');
    });

    it('names the field of bad input on every moderation route (400)', async () => {
      const practice = await sharePractice(sevilla);
      const comment = await ok(lliria.api.post(`/practices/${practice.id}/comments`, { text: 'Hello' }));
      const cases: [ApiClient, ...BadRequest][] = [
        [valencia.api, 'POST', `/practices/${practice.id}/reports`, { reason: '' }, ['reason']],
        [valencia.api, 'POST', `/comments/${comment.id}/reports`, {}, ['reason']],
        [valencia.api, 'POST', `/comments/${comment.id}/reports`, { reason: 'x'.repeat(2001) }, ['reason']],
        [admin, 'GET', '/reports?status=closed', undefined, ['status']],
        [admin, 'GET', '/reports?limit=0', undefined, ['limit']],
        [admin, 'POST', `/practices/${practice.id}/hide`, {}, ['reason']],
        [admin, 'POST', `/practices/${practice.id}/unhide`, { reason: 'x' }, ['reason']],
        [admin, 'POST', `/comments/${comment.id}/hide`, { reason: 5 }, ['reason']],
        [admin, 'POST', `/comments/${comment.id}/unhide`, { now: true }, ['now']],
      ];
      for (const [who, ...request] of cases) await expectBadRequests(who, [request]);
    });

    it('documents every moderation route with its errors in the OpenAPI document', async () => {
      const doc = await openApiDocument(app.running.origin);
      const routes: DocumentedRoute[] = [
        ['/practices/{id}/reports', 'post', ['201', '400', '401', '404', '409']],
        ['/comments/{id}/reports', 'post', ['201', '400', '401', '404', '409']],
        ['/reports', 'get', ['200', '400', '401', '403']],
        ['/practices/{id}/hide', 'post', ['200', '400', '401', '403', '404', '409']],
        ['/practices/{id}/unhide', 'post', ['200', '400', '401', '403', '404', '409']],
        ['/comments/{id}/hide', 'post', ['200', '400', '401', '403', '404', '409']],
        ['/comments/{id}/unhide', 'post', ['200', '400', '401', '403', '404', '409']],
      ];
      expectDocumentedRoutes(doc, '/api/v1', routes, { summaries: true });
    });
  });
});
