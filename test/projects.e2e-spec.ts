import { appWithCities } from './support/app-with-cities';
import type { CityUser } from './support/city-users';
import { expectDocumentedRoutes, openApiDocument, type DocumentedRoute } from './support/openapi';
import { expectFieldErrors, expectProblem, PROBLEM } from './support/http-expectations';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** SPEC §3 Projects over HTTP: every route with its rights, bad input, each 409 rule, suggestions. */
describe('Projects (HTTP)', () => {
  const { app, api, admin, users } = appWithCities(['sevilla', 'lliria', 'valencia', 'bilbao']);
  const [sevilla, lliria, valencia, bilbao] = users;

  let counter = 0;
  const proposal = (overrides: Record<string, unknown> = {}) => ({
    title: `Ritmos compartidos ${++counter}`,
    summary: 'A year of joint concerts and residencies between music cities',
    description: 'Concerts, workshops and artist residencies.',
    fields: ['music'],
    actionAreas: ['professional-exchange', 'pilot-projects'],
    sectors: ['public', 'civil-society'],
    sdgs: [11, 4],
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    ...overrides,
  });

  /** A project proposed by `by` (Sevilla unless said), answered 201. */
  async function propose(by: CityUser = sevilla, overrides: Record<string, unknown> = {}) {
    const res = await by.api.post('/projects', proposal(overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  /** Sevilla's project with Llíria invited and accepted (version 3). */
  async function withLliria() {
    const project = await propose();
    expect((await sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: lliria.cityId })).status).toBe(201);
    const accepted = await lliria.api.post(`/projects/${project.id}/invitations/${lliria.cityId}/accept`);
    expect(accepted.status).toBe(200);
    return accepted.body;
  }

  async function finished(how: 'completed' | 'cancelled') {
    const project = await withLliria();
    if (how === 'cancelled') {
      expect((await sevilla.api.post(`/projects/${project.id}/cancel`, { reason: 'Funding fell through' })).status).toBe(200);
    } else {
      expect((await sevilla.api.post(`/projects/${project.id}/start`)).status).toBe(200);
      expect((await sevilla.api.post(`/projects/${project.id}/complete`, { outcome: 'Twelve concerts, two residencies' })).status).toBe(200);
    }
    return (await api.get(`/projects/${project.id}`)).body;
  }

  describe('proposing and reading', () => {
    it('proposes a project led by the caller’s city, readable by anyone', async () => {
      const res = await sevilla.api.post('/projects', proposal({ title: '  Música compartida  ', sdgs: [11, 4, 11] }));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        title: 'Música compartida',
        summary: 'A year of joint concerts and residencies between music cities',
        description: 'Concerts, workshops and artist residencies.',
        fields: ['music'],
        actionAreas: ['professional-exchange', 'pilot-projects'],
        sectors: ['public', 'civil-society'],
        sdgs: [11, 4],
        startDate: '2026-03-01',
        endDate: '2026-12-31',
        status: 'proposed',
        leadCityId: sevilla.cityId,
        partners: [],
        outcome: null,
        cancelReason: null,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
        version: 1,
      });
      const read = await api.get(`/projects/${res.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body);
    });

    it('lets an admin propose for a named city, and refuses an admin without one with a clear 403', async () => {
      const named = await admin.post('/projects', proposal({ leadCityId: valencia.cityId }));
      expect(named.status).toBe(201);
      expect(named.body.leadCityId).toBe(valencia.cityId);

      const none = await admin.post('/projects', proposal());
      expectProblem(none, 403, 'project.lead-city-required');
      expect(none.body.detail).toMatch(/lead city/i);

      expectFieldErrors(await admin.post('/projects', proposal({ leadCityId: 'no-such-city' })), ['leadCityId']);
      expectProblem(await sevilla.api.post('/projects', proposal({ leadCityId: lliria.cityId })), 403, 'project.not-your-city');
    });

    it('replays POST /projects with the same Idempotency-Key: one project', async () => {
      const input = proposal({ title: 'Idempotent orchestra' });
      const headers = { 'Idempotency-Key': 'propose-orchestra-1' };
      const first = await sevilla.api.post('/projects', input, headers);
      const second = await sevilla.api.post('/projects', input, headers);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.body.id).toBe(first.body.id);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      const list = await api.get('/projects?q=idempotent%20orchestra');
      expect(list.body.total).toBe(1);
    });

    it('lists with filters (status, field, city as lead or partner, SDG, words) and pages', async () => {
      const tag = `zq${Date.now().toString(36)}`;
      const film = await propose(bilbao, { title: `Cine de verano ${tag}`, fields: ['film', 'design'], sdgs: [5] });
      const music = await propose(sevilla, { title: `Música en la calle ${tag}`, sdgs: [11] });
      await sevilla.api.post(`/projects/${music.id}/invitations`, { cityId: lliria.cityId });
      const cancelled = await propose(sevilla, { title: `Festival cancelado ${tag}`, sdgs: [8] });
      await sevilla.api.post(`/projects/${cancelled.id}/cancel`, { reason: 'No venue' });

      const ids = async (query: string) => {
        const res = await api.get(`/projects?${query.includes('q=') ? query : `q=${tag}&${query}`}`);
        expect(res.status).toBe(200);
        return res.body.items.map((p: { id: string }) => p.id);
      };
      expect(await ids('')).toEqual([cancelled.id, music.id, film.id]); // newest first
      expect(await ids('status=cancelled')).toEqual([cancelled.id]);
      expect(await ids('status=proposed')).toEqual([music.id, film.id]);
      expect(await ids('field=design')).toEqual([film.id]);
      expect(await ids(`cityId=${lliria.cityId}`)).toEqual([music.id]);
      expect(await ids(`cityId=${bilbao.cityId}`)).toEqual([film.id]);
      expect(await ids('sdg=11')).toEqual([music.id]);
      expect(await ids(`q=MUSICA%20calle%20${tag}`)).toEqual([music.id]);

      const page = await api.get(`/projects?q=${tag}&limit=2&page=2`);
      expect(page.body).toEqual({ items: [expect.objectContaining({ id: film.id })], total: 3, page: 2, limit: 2 });
      expect((await api.get('/projects')).body).toMatchObject({ page: 1, limit: 20, total: expect.any(Number) });
    });

    it('answers 404 for an unknown project on every route', async () => {
      const id = 'no-such-project';
      const reads = ['', '/updates', '/timeline', '/partner-suggestions'];
      for (const path of reads) expectProblem(await api.get(`/projects/${id}${path}`), 404, 'project.not-found');
      const writes: [string, string, object][] = [
        ['PATCH', '', { title: 'x', version: 1 }],
        ['POST', '/invitations', { cityId: lliria.cityId }],
        ['POST', `/invitations/${sevilla.cityId}/accept`, {}],
        ['POST', `/invitations/${sevilla.cityId}/decline`, {}],
        ['POST', '/join-requests', {}],
        ['POST', `/join-requests/${lliria.cityId}/approve`, {}],
        ['POST', `/join-requests/${lliria.cityId}/reject`, {}],
        ['POST', '/withdraw', {}],
        ['POST', '/updates', { text: 'Hello', kind: 'news' }],
        ['POST', '/start', {}],
        ['POST', '/complete', { outcome: 'Done' }],
        ['POST', '/cancel', { reason: 'Why not' }],
      ];
      for (const [method, path, body] of writes) {
        expectProblem(await sevilla.api.request(method, `/projects/${id}${path}`, body), 404, 'project.not-found');
      }
    });
  });

  it('documents every project route with its errors in the OpenAPI document', async () => {
    const doc = await openApiDocument(app.running.origin);
    const routes: DocumentedRoute[] = [
      ['', 'post', ['201', '400', '401', '403', '409']],
      ['', 'get', ['200', '400']],
      ['/{id}', 'get', ['200', '404']],
      ['/{id}', 'patch', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/invitations', 'post', ['201', '400', '401', '403', '404', '409', '429']],
      ['/{id}/invitations/{cityId}/accept', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/invitations/{cityId}/decline', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/join-requests', 'post', ['201', '400', '401', '403', '404', '409']],
      ['/{id}/join-requests/{cityId}/approve', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/join-requests/{cityId}/reject', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/withdraw', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/updates', 'post', ['201', '400', '401', '403', '404', '409']],
      ['/{id}/updates', 'get', ['200', '400', '404']],
      ['/{id}/start', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/complete', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/cancel', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/timeline', 'get', ['200', '404']],
      ['/{id}/partner-suggestions', 'get', ['200', '400', '404']],
    ];
    expectDocumentedRoutes(doc, '/api/v1/projects', routes);
    expect(doc.components.schemas.ProjectViewPage.properties).toHaveProperty('items');
    expect(doc.components.schemas.ProjectView.required).toEqual(expect.arrayContaining(['partners', 'version']));
  });

  describe('rights', () => {
    it('answers 401 to every anonymous write, changing nothing', async () => {
      const project = await propose();
      const writes: [string, string, object][] = [
        ['POST', '/projects', proposal()],
        ['PATCH', `/projects/${project.id}`, { title: 'Hijacked', version: 1 }],
        ['POST', `/projects/${project.id}/invitations`, { cityId: lliria.cityId }],
        ['POST', `/projects/${project.id}/invitations/${lliria.cityId}/accept`, {}],
        ['POST', `/projects/${project.id}/invitations/${lliria.cityId}/decline`, {}],
        ['POST', `/projects/${project.id}/join-requests`, {}],
        ['POST', `/projects/${project.id}/join-requests/${lliria.cityId}/approve`, {}],
        ['POST', `/projects/${project.id}/join-requests/${lliria.cityId}/reject`, {}],
        ['POST', `/projects/${project.id}/withdraw`, {}],
        ['POST', `/projects/${project.id}/updates`, { text: 'Hi', kind: 'news' }],
        ['POST', `/projects/${project.id}/start`, {}],
        ['POST', `/projects/${project.id}/complete`, { outcome: 'Done' }],
        ['POST', `/projects/${project.id}/cancel`, { reason: 'Because' }],
      ];
      for (const [method, path, body] of writes) {
        const res = await api.request(method, path, body);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 });
        expect(res.headers.get('content-type')).toMatch(PROBLEM);
      }
      expect((await api.get(`/projects/${project.id}`)).body).toEqual(project);
    });

    it('lets anonymous callers read projects, updates, timeline and suggestions', async () => {
      const project = await propose();
      for (const path of ['', '/updates', '/timeline', '/partner-suggestions']) {
        expect((await api.get(`/projects/${project.id}${path}`)).status).toBe(200);
      }
    });

    it('answers 403 to a city acting for another city or doing the lead’s part', async () => {
      const project = await propose();
      const p = `/projects/${project.id}`;
      await sevilla.api.post(`${p}/invitations`, { cityId: lliria.cityId });
      await valencia.api.post(`${p}/join-requests`, { message: 'We design stages' });

      const refused: [CityUser, string, string, object, string][] = [
        [bilbao, 'PATCH', p, { title: 'Mine now', version: 3 }, 'project.lead-only'],
        [bilbao, 'POST', `${p}/invitations`, { cityId: valencia.cityId }, 'project.lead-only'],
        [valencia, 'POST', `${p}/invitations/${lliria.cityId}/accept`, {}, 'project.not-your-city'],
        [valencia, 'POST', `${p}/invitations/${lliria.cityId}/decline`, {}, 'project.not-your-city'],
        [lliria, 'POST', `${p}/join-requests/${valencia.cityId}/approve`, {}, 'project.lead-only'],
        [valencia, 'POST', `${p}/join-requests/${valencia.cityId}/approve`, {}, 'project.lead-only'],
        [bilbao, 'POST', `${p}/join-requests/${valencia.cityId}/reject`, {}, 'project.lead-only'],
        [bilbao, 'POST', `${p}/join-requests`, { cityId: valencia.cityId }, 'project.not-your-city'],
        [bilbao, 'POST', `${p}/withdraw`, { cityId: lliria.cityId }, 'project.not-your-city'],
        [bilbao, 'POST', `${p}/updates`, { text: 'Not a partner', kind: 'news' }, 'project.members-only'],
        [lliria, 'POST', `${p}/updates`, { text: 'Only invited', kind: 'news' }, 'project.members-only'],
        [lliria, 'POST', `${p}/start`, {}, 'project.lead-only'],
        [lliria, 'POST', `${p}/complete`, { outcome: 'Done' }, 'project.lead-only'],
        [bilbao, 'POST', `${p}/cancel`, { reason: 'Spite' }, 'project.lead-only'],
      ];
      for (const [user, method, path, body, code] of refused) {
        const res = await user.api.request(method, path, body);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code });
      }
      const after = (await api.get(p)).body;
      expect(after.version).toBe(3);
      expect((await api.get(`${p}/timeline`)).body).toHaveLength(3);
    });

    it('lets an accepted partner post updates, and the admin act as the lead', async () => {
      const project = await withLliria();
      const posted = await lliria.api.post(`/projects/${project.id}/updates`, { text: 'Rehearsals begin', kind: 'milestone' });
      expect(posted.status).toBe(201);
      expect(posted.body).toMatchObject({ authorCityId: lliria.cityId, kind: 'milestone', text: 'Rehearsals begin' });
      const started = await admin.post(`/projects/${project.id}/start`);
      expect(started.status).toBe(200);
      expect(started.body.status).toBe('active');
    });
  });

  describe('bad input', () => {
    it('refuses invalid project fields, one error per field, storing nothing', async () => {
      const before = (await api.get('/projects')).body.total;
      expectFieldErrors(await sevilla.api.post('/projects', {}), ['actionAreas', 'fields', 'sdgs', 'sectors', 'summary', 'title']);
      expectFieldErrors(
        await sevilla.api.post('/projects', proposal({ fields: ['jazz'], actionAreas: 'research', sectors: [], sdgs: [0, 18, 'x'] })),
        ['actionAreas', 'fields', 'sdgs', 'sectors'],
      );
      expectFieldErrors(await sevilla.api.post('/projects', proposal({ title: 'x'.repeat(201), summary: 42 })), ['summary', 'title']);
      expectFieldErrors(await sevilla.api.post('/projects', proposal({ startDate: '2026-02-30', endDate: 'soon' })), ['endDate', 'startDate']);
      expectFieldErrors(await sevilla.api.post('/projects', proposal({ startDate: '2026-06-01', endDate: '2026-05-01' })), ['endDate']);
      expectFieldErrors(await sevilla.api.post('/projects', proposal({ title: '   ' })), ['title']);
      expectFieldErrors(await sevilla.api.post('/projects', proposal({ status: 'active', version: 7 })), ['status', 'version']);
      expectFieldErrors(await sevilla.api.post('/projects', proposal({ summary: { $ne: null } })), ['summary.$ne']);
      expectProblem(await sevilla.api.request('POST', '/projects', '{"title": '), 400);
      expect((await api.get('/projects')).body.total).toBe(before);
    });

    it('refuses invalid PATCH bodies', async () => {
      const project = await propose();
      const p = `/projects/${project.id}`;
      expectFieldErrors(await sevilla.api.patch(p, { title: 'No version' }), ['version']);
      expectFieldErrors(await sevilla.api.patch(p, { title: 'Bad version', version: 'one' }), ['version']);
      expectFieldErrors(await sevilla.api.patch(p, { leadCityId: lliria.cityId, version: 1 }), ['leadCityId']);
      expectFieldErrors(await sevilla.api.patch(p, { status: 'completed', version: 1 }), ['status']);
      expectFieldErrors(await sevilla.api.patch(p, { title: null, version: 1 }), ['title']);
      expectFieldErrors(await sevilla.api.patch(p, { fields: [], sdgs: [99], version: 1 }), ['fields', 'sdgs']);
      expectFieldErrors(await sevilla.api.patch(p, { title: 'x', $set: { leadCityId: 'me' }, version: 1 }), ['$set']);
      expect((await api.get(p)).body.version).toBe(1);
    });

    it('refuses invalid partnership, update and lifecycle bodies', async () => {
      const project = await withLliria();
      const p = `/projects/${project.id}`;
      const cases: [CityUser, string, object, string[]][] = [
        [sevilla, `${p}/invitations`, {}, ['cityId']],
        [sevilla, `${p}/invitations`, { cityId: 5, message: ['hi'] }, ['cityId', 'message']],
        [sevilla, `${p}/invitations`, { cityId: 'atlantis' }, ['cityId']],
        [sevilla, `${p}/invitations`, { cityId: valencia.cityId, message: 'x'.repeat(2001) }, ['message']],
        [sevilla, `${p}/invitations`, { cityId: valencia.cityId, role: 'co-lead' }, ['role']],
        [lliria, `${p}/invitations/${lliria.cityId}/accept`, { really: true }, ['really']],
        [lliria, `${p}/invitations/${lliria.cityId}/decline`, { reason: 'busy' }, ['reason']],
        [valencia, `${p}/join-requests`, { message: 12 }, ['message']],
        [valencia, `${p}/join-requests`, { priority: 'high' }, ['priority']],
        [sevilla, `${p}/join-requests/${valencia.cityId}/approve`, { note: 'ok' }, ['note']],
        [sevilla, `${p}/join-requests/${valencia.cityId}/reject`, { note: 'no' }, ['note']],
        [lliria, `${p}/withdraw`, { reason: 'busy' }, ['reason']],
        [sevilla, `${p}/updates`, {}, ['kind', 'text']],
        [sevilla, `${p}/updates`, { text: '', kind: 'gossip' }, ['kind', 'text']],
        [sevilla, `${p}/updates`, { text: 'Hi', kind: 'news', pinned: true }, ['pinned']],
        [sevilla, `${p}/start`, { when: 'now' }, ['when']],
        [sevilla, `${p}/complete`, {}, ['outcome']],
        [sevilla, `${p}/complete`, { outcome: '' }, ['outcome']],
        [sevilla, `${p}/cancel`, {}, ['reason']],
        [sevilla, `${p}/cancel`, { reason: { $gt: '' } }, ['reason.$gt']],
      ];
      for (const [user, path, body, fields] of cases) {
        const res = await user.api.post(path, body);
        expect({ path, body, status: res.status }).toEqual({ path, body, status: 400 });
        expectFieldErrors(res, fields);
      }
      expect((await api.get(p)).body.version).toBe(project.version);
    });

    it('refuses invalid query strings', async () => {
      const project = await propose();
      expectFieldErrors(await api.get('/projects?status=ongoing&field=jazz&sdg=abc'), ['field', 'sdg', 'status']);
      expectFieldErrors(await api.get('/projects?sdg=18&page=0&limit=101'), ['limit', 'page', 'sdg']);
      expectFieldErrors(await api.get('/projects?owner=me'), ['owner']);
      expectProblem(await api.get('/projects?$where=1'), 400);
      expectFieldErrors(await api.get(`/projects/${project.id}/updates?page=0`), ['page']);
      expectFieldErrors(await api.get(`/projects/${project.id}/partner-suggestions?limit=0`), ['limit']);
      expectFieldErrors(await api.get(`/projects/${project.id}/partner-suggestions?limit=51`), ['limit']);
      expectFieldErrors(await api.get(`/projects/${project.id}/partner-suggestions?limit=ten`), ['limit']);
    });
  });

  describe('rules (409 naming the rule)', () => {
    it('refuses partnership moves that break a rule', async () => {
      const project = await propose();
      const p = `/projects/${project.id}`;
      expectProblem(await sevilla.api.post(`${p}/invitations`, { cityId: sevilla.cityId }), 409, 'project.cannot-invite-lead');
      expect((await sevilla.api.post(`${p}/invitations`, { cityId: lliria.cityId })).status).toBe(201);
      expectProblem(await sevilla.api.post(`${p}/invitations`, { cityId: lliria.cityId }), 409, 'project.partner-already-invited');
      expectProblem(await valencia.api.post(`${p}/invitations/${valencia.cityId}/accept`), 409, 'project.no-invitation');
      expectProblem(await valencia.api.post(`${p}/invitations/${valencia.cityId}/decline`), 409, 'project.no-invitation');
      expectProblem(await sevilla.api.post(`${p}/join-requests`), 409, 'project.lead-cannot-join');
      expect((await valencia.api.post(`${p}/join-requests`)).status).toBe(201);
      expectProblem(await valencia.api.post(`${p}/join-requests`), 409, 'project.partner-already-requested');
      expectProblem(await sevilla.api.post(`${p}/invitations`, { cityId: valencia.cityId }), 409, 'project.partner-already-requested');
      expectProblem(await sevilla.api.post(`${p}/join-requests/${bilbao.cityId}/approve`), 409, 'project.no-join-request');
      expectProblem(await sevilla.api.post(`${p}/join-requests/${bilbao.cityId}/reject`), 409, 'project.no-join-request');
      expectProblem(await sevilla.api.post(`${p}/withdraw`), 409, 'project.lead-cannot-withdraw');
      expectProblem(await lliria.api.post(`${p}/withdraw`), 409, 'project.not-a-partner');
      expectProblem(await sevilla.api.post(`${p}/start`), 409, 'project.no-accepted-partner');
      expectProblem(await sevilla.api.post(`${p}/complete`, { outcome: 'Too early' }), 409, 'project.not-active');
      expect((await lliria.api.post(`${p}/invitations/${lliria.cityId}/accept`)).status).toBe(200);
      expectProblem(await sevilla.api.post(`${p}/invitations`, { cityId: lliria.cityId }), 409, 'project.partner-already-accepted');
      expectProblem(await lliria.api.post(`${p}/join-requests`), 409, 'project.partner-already-accepted');
      expect((await sevilla.api.post(`${p}/start`)).status).toBe(200);
      expectProblem(await sevilla.api.post(`${p}/start`), 409, 'project.not-proposed');
    });

    it('accepts no change once a project is completed or cancelled', async () => {
      for (const how of ['completed', 'cancelled'] as const) {
        const project = await finished(how);
        expect(project.status).toBe(how);
        const p = `/projects/${project.id}`;
        const attempts: [CityUser, string, string, object][] = [
          [sevilla, 'PATCH', p, { title: 'Afterwards', version: project.version }],
          [sevilla, 'POST', `${p}/invitations`, { cityId: valencia.cityId }],
          [valencia, 'POST', `${p}/join-requests`, {}],
          [lliria, 'POST', `${p}/withdraw`, {}],
          [lliria, 'POST', `${p}/updates`, { text: 'Late news', kind: 'news' }],
          [sevilla, 'POST', `${p}/start`, {}],
          [sevilla, 'POST', `${p}/complete`, { outcome: 'Again' }],
          [sevilla, 'POST', `${p}/cancel`, { reason: 'Again' }],
        ];
        for (const [user, method, path, body] of attempts) {
          const res = await user.api.request(method, path, body);
          expect({ how, path, status: res.status, code: res.body.code }).toEqual({ how, path, status: 409, code: 'project.finished' });
        }
        expect((await api.get(p)).body).toEqual(project);
      }
    });

    it('refuses a PATCH based on a stale version', async () => {
      const project = await propose();
      const p = `/projects/${project.id}`;
      const first = await sevilla.api.patch(p, { summary: 'A new summary', version: 1 });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ summary: 'A new summary', version: 2 });
      const stale = await sevilla.api.patch(p, { title: 'Based on v1', version: 1 });
      expectProblem(stale, 409, 'project.stale-version');
      expect((await api.get(p)).body).toEqual(first.body);
      const cleared = await sevilla.api.patch(p, { description: null, endDate: null, version: 2 });
      expect(cleared.body).toMatchObject({ description: null, endDate: null, version: 3 });
    });

    it('lets exactly one of two racing PATCHes from the same version win', async () => {
      const project = await propose();
      const p = `/projects/${project.id}`;
      const results = await Promise.all(['Left', 'Right'].map((side) => sevilla.api.patch(p, { title: `${side} title`, version: 1 })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.code).toBe('project.stale-version');
      const winner = results.find((r) => r.status === 200)!;
      expect((await api.get(p)).body).toEqual(winner.body);
      expect((await api.get(`${p}/timeline`)).body.map((e: { type: string }) => e.type)).toEqual(['ProjectProposed', 'ProjectUpdated']);
    });
  });

  describe('partnerships, updates and timeline', () => {
    it('accepts concurrent updates and invitations on one project (no version sent, so no 409)', async () => {
      const project = await withLliria();
      const p = `/projects/${project.id}`;
      const posts = await Promise.all([
        ...[1, 2, 3, 4].map((i) => sevilla.api.post(`${p}/updates`, { text: `News ${i}`, kind: 'news' })),
        ...[1, 2].map((i) => lliria.api.post(`${p}/updates`, { text: `From Llíria ${i}`, kind: 'milestone' })),
        sevilla.api.post(`${p}/invitations`, { cityId: valencia.cityId }),
      ]);
      expect(posts.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201, 201]);
      expect((await api.get(`${p}/updates`)).body.total).toBe(6);
      expect((await api.get(p)).body.version).toBe(project.version + 7);
    });

    it('runs invitations, join requests and withdrawal through every partner status', async () => {
      const project = await propose();
      const p = `/projects/${project.id}`;
      const statusOf = async (cityId: string) => (await api.get(p)).body.partners.find((x: { cityId: string }) => x.cityId === cityId)?.status;

      const invited = await sevilla.api.post(`${p}/invitations`, { cityId: lliria.cityId, message: 'Play with us' });
      expect(invited.status).toBe(201);
      expect(invited.body.partners).toEqual([
        { cityId: lliria.cityId, status: 'invited', message: 'Play with us', since: expect.stringMatching(ISO) },
      ]);
      expect((await lliria.api.post(`${p}/invitations/${lliria.cityId}/decline`)).status).toBe(200);
      expect(await statusOf(lliria.cityId)).toBe('declined');
      await sevilla.api.post(`${p}/invitations`, { cityId: lliria.cityId }); // a closed relation may reopen
      expect((await lliria.api.post(`${p}/invitations/${lliria.cityId}/accept`)).status).toBe(200);
      expect(await statusOf(lliria.cityId)).toBe('accepted');

      expect((await bilbao.api.post(`${p}/join-requests`, { message: 'Stage design?' })).status).toBe(201);
      expect(await statusOf(bilbao.cityId)).toBe('requested');
      expect((await sevilla.api.post(`${p}/join-requests/${bilbao.cityId}/reject`)).status).toBe(200);
      expect(await statusOf(bilbao.cityId)).toBe('rejected');
      const joined = await valencia.api.post(`${p}/join-requests`, {});
      expect(joined.status).toBe(201);
      const approved = await sevilla.api.post(`${p}/join-requests/${valencia.cityId}/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body.partners.map((x: { cityId: string; status: string }) => [x.cityId, x.status])).toEqual([
        [lliria.cityId, 'accepted'],
        [bilbao.cityId, 'rejected'],
        [valencia.cityId, 'accepted'],
      ]);
      const withdrawn = await valencia.api.post(`${p}/withdraw`);
      expect(withdrawn.status).toBe(200);
      expect(await statusOf(valencia.cityId)).toBe('withdrawn');
      expect(withdrawn.body.version).toBe(10);
    });

    it('lists posted updates newest first, paginated', async () => {
      const project = await withLliria();
      const p = `/projects/${project.id}`;
      for (const [user, text] of [
        [sevilla, 'One'],
        [lliria, 'Two'],
        [sevilla, 'Three'],
      ] as const) {
        expect((await user.api.post(`${p}/updates`, { text, kind: 'news' })).status).toBe(201);
      }
      const first = await api.get(`${p}/updates?limit=2`);
      expect(first.body).toMatchObject({ total: 3, page: 1, limit: 2 });
      expect(first.body.items.map((u: { text: string }) => u.text)).toEqual(['Three', 'Two']);
      expect(first.body.items[1]).toEqual({
        id: expect.any(String),
        projectId: project.id,
        text: 'Two',
        kind: 'news',
        authorCityId: lliria.cityId,
        authorUserId: expect.any(String),
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
        version: 1,
      });
      expect((await api.get(`${p}/updates?limit=2&page=2`)).body.items.map((u: { text: string }) => u.text)).toEqual(['One']);
    });

    it('shows every event of a project in order with its actor', async () => {
      const project = await withLliria();
      const p = `/projects/${project.id}`;
      await sevilla.api.post(`${p}/updates`, { text: 'Kick-off', kind: 'milestone' });
      await sevilla.api.post(`${p}/start`);
      await sevilla.api.post(`${p}/complete`, { outcome: 'Done well' });
      const timeline = (await api.get(`${p}/timeline`)).body;
      expect(timeline.map((e: { type: string; actor: { cityId: string } }) => [e.type, e.actor.cityId])).toEqual([
        ['ProjectProposed', sevilla.cityId],
        ['PartnerInvited', sevilla.cityId],
        ['InvitationAccepted', lliria.cityId],
        ['ProjectUpdatePosted', sevilla.cityId],
        ['ProjectStarted', sevilla.cityId],
        ['ProjectCompleted', sevilla.cityId],
      ]);
      const seqs = timeline.map((e: { seq: number }) => e.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(timeline[1]).toEqual({
        seq: expect.any(Number),
        type: 'PartnerInvited',
        at: expect.stringMatching(ISO),
        actor: { userId: expect.any(String), cityId: sevilla.cityId },
        data: expect.objectContaining({ projectId: project.id, cityId: lliria.cityId }),
      });
      expect(timeline[5].data).toMatchObject({ outcome: 'Done well', acceptedPartnerIds: [lliria.cityId] });
    });
  });

  describe('partner suggestions', () => {
    it('ranks Llíria in the top three for a music project led by Sevilla, with reasons', async () => {
      const project = await propose(sevilla, { fields: ['music'] });
      const res = await api.get(`/projects/${project.id}/partner-suggestions`);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeGreaterThan(0);
      expect(res.body.length).toBeLessThanOrEqual(10);
      expect(res.body.slice(0, 3).map((s: { city: { id: string } }) => s.city.id)).toContain(lliria.cityId);
      const top = res.body.find((s: { city: { id: string } }) => s.city.id === lliria.cityId);
      expect(top).toMatchObject({ city: { id: lliria.cityId, name: 'Llíria', field: 'music' }, score: expect.any(Number) });
      expect(top.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/field/i)]));
      const scores = res.body.map((s: { score: number }) => s.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });

    it('never suggests the lead or a current partner, and honours limit', async () => {
      const project = await propose(sevilla, { fields: ['music', 'design'] });
      const p = `/projects/${project.id}`;
      await sevilla.api.post(`${p}/invitations`, { cityId: lliria.cityId });
      await valencia.api.post(`${p}/join-requests`);
      const ids = (await api.get(`${p}/partner-suggestions?limit=50`)).body.map((s: { city: { id: string } }) => s.city.id);
      expect(ids).not.toContain(sevilla.cityId);
      expect(ids).not.toContain(lliria.cityId);
      expect(ids).not.toContain(valencia.cityId);
      expect(ids).toContain(bilbao.cityId); // design
      expect((await api.get(`${p}/partner-suggestions?limit=2`)).body).toHaveLength(2);
      // A city whose request was rejected is no longer a current partner: it may be suggested again.
      await sevilla.api.post(`${p}/join-requests/${valencia.cityId}/reject`);
      const again = (await api.get(`${p}/partner-suggestions?limit=50`)).body.map((s: { city: { id: string } }) => s.city.id);
      expect(again).toContain(valencia.cityId);
    });
  });
});
