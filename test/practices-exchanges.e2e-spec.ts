import { appWithCities } from './support/app-with-cities';
import { expectDocumentedRoutes, openApiDocument, type DocumentedRoute } from './support/openapi';
import { expectBadRequests, expectProblem, ok, type BadRequest } from './support/http-expectations';
import { idsOf, requestExchange, sharePractice } from './support/practices';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** SPEC §3 exchanges over HTTP: asking, answering, cancelling, completing; who may see and do what; every rule. */
describe('Exchanges (HTTP)', () => {
  // Sevilla hosts (it authors the practices), Llíria requests, Valencia is another city.
  const { app, api, admin, users } = appWithCities(['sevilla', 'lliria', 'valencia']);
  const [sevilla, lliria, valencia] = users;

  /** A new practice by Sevilla and the exchange Llíria asked of it. */
  async function requested(overrides: Record<string, unknown> = {}) {
    const practice = await sharePractice(sevilla);
    return { practice, exchange: await requestExchange(lliria, practice.id, overrides) };
  }

  async function inStatus(status: 'requested' | 'accepted' | 'declined' | 'cancelled' | 'completed') {
    const { exchange } = await requested();
    const e = `/exchanges/${exchange.id}`;
    if (status === 'accepted' || status === 'completed') await ok(sevilla.api.post(`${e}/accept`));
    if (status === 'declined') await ok(sevilla.api.post(`${e}/decline`));
    if (status === 'cancelled') await ok(lliria.api.post(`${e}/cancel`));
    if (status === 'completed') await ok(lliria.api.post(`${e}/complete`, { feedback: 'Great', rating: 5 }));
    return exchange.id as string;
  }

  it('asks for an exchange, counts it on the practice, and walks it to completion', async () => {
    const practice = await sharePractice(sevilla);
    const res = await lliria.api.post(`/practices/${practice.id}/exchanges`, {
      message: '  May we visit in May?  ',
      format: 'study-visit',
      proposedDates: { from: '2026-05-04', to: '2026-05-08' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      practiceId: practice.id,
      practiceTitle: practice.title,
      hostCityId: sevilla.cityId,
      requesterCityId: lliria.cityId,
      status: 'requested',
      format: 'study-visit',
      message: 'May we visit in May?',
      proposedDates: { from: '2026-05-04', to: '2026-05-08' },
      response: null,
      cancelReason: null,
      feedback: null,
      rating: null,
      version: 1,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
    expect((await api.get(`/practices/${practice.id}`)).body.exchangeCount).toBe(1);
    const e = `/exchanges/${res.body.id}`;
    const accepted = await sevilla.api.post(`${e}/accept`, { message: 'Welcome!' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', response: 'Welcome!', version: 2 });
    const completed = await lliria.api.post(`${e}/complete`, { feedback: 'We learnt a lot', rating: 5 });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', feedback: 'We learnt a lot', rating: 5, version: 3 });
    expect((await sevilla.api.get(e)).body).toEqual(completed.body);
  });

  it('declines and cancels, with an optional message or reason', async () => {
    const declined = await ok(sevilla.api.post(`/exchanges/${await inStatus('requested')}/decline`, { message: 'Not this year' }));
    expect(declined).toMatchObject({ status: 'declined', response: 'Not this year' });
    const cancelled = await ok(lliria.api.post(`/exchanges/${await inStatus('accepted')}/cancel`, { reason: 'Budget cut' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Budget cut' });
    expect((await ok(lliria.api.post(`/exchanges/${await inStatus('requested')}/cancel`))).status).toBe('cancelled');
  });

  it('lists a city’s exchanges by side and status, and every exchange for admins', async () => {
    const { practice, exchange } = await requested();
    const other = await requestExchange(valencia, practice.id, { format: 'online' });
    expect(await idsOf(sevilla.api, `/exchanges?role=host&status=requested`)).toEqual(expect.arrayContaining([other.id, exchange.id]));
    expect(await idsOf(sevilla.api, `/exchanges?role=requester`)).toEqual([]);
    const mine = await idsOf(lliria.api, '/exchanges');
    expect(mine).toContain(exchange.id);
    expect(mine).not.toContain(other.id);
    expect(await idsOf(lliria.api, `/exchanges?role=host`)).toEqual([]);
    expect(await idsOf(valencia.api, `/exchanges?practiceId=${practice.id}`)).toEqual([other.id]);
    expect(await idsOf(admin, `/exchanges?practiceId=${practice.id}`)).toEqual([other.id, exchange.id]); // newest first
    expect(await idsOf(admin, `/exchanges?cityId=${valencia.cityId}&practiceId=${practice.id}`)).toEqual([other.id]);
    expectProblem(await lliria.api.get(`/exchanges?cityId=${valencia.cityId}`), 403, 'exchange.not-your-city');
    const page = await lliria.api.get('/exchanges?limit=1');
    expect(page.body).toMatchObject({ page: 1, limit: 1, total: expect.any(Number) });
  });

  describe('rights', () => {
    it('answers 401 to anonymous callers on every exchange route', async () => {
      const { exchange, practice } = await requested();
      const e = `/exchanges/${exchange.id}`;
      const calls: [string, string, object | undefined][] = [
        ['GET', '/exchanges', undefined],
        ['GET', e, undefined],
        ['POST', `/practices/${practice.id}/exchanges`, { message: 'Hi', format: 'online' }],
        ['POST', `${e}/accept`, {}],
        ['POST', `${e}/decline`, {}],
        ['POST', `${e}/cancel`, {}],
        ['POST', `${e}/complete`, { feedback: 'x', rating: 3 }],
      ];
      for (const [method, path, body] of calls) {
        const res = await api.request(method, path, body);
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 });
      }
    });

    it('shows an exchange to its two cities and admins only (403 for another city)', async () => {
      const { exchange } = await requested();
      for (const who of [sevilla.api, lliria.api, admin]) expect((await who.get(`/exchanges/${exchange.id}`)).status).toBe(200);
      expectProblem(await valencia.api.get(`/exchanges/${exchange.id}`), 403, 'exchange.parties-only');
      expectProblem(await valencia.api.get('/exchanges/no-such-exchange'), 404, 'exchange.not-found');
    });

    it.each<[string, 'requested' | 'accepted', 'host' | 'requester' | 'other' | 'admin', number, string | null]>([
      ['accept', 'requested', 'other', 403, 'exchange.host-only'],
      ['accept', 'requested', 'requester', 403, 'exchange.host-only'],
      ['accept', 'requested', 'host', 200, null],
      ['accept', 'requested', 'admin', 200, null],
      ['decline', 'requested', 'other', 403, 'exchange.host-only'],
      ['decline', 'requested', 'requester', 403, 'exchange.host-only'],
      ['decline', 'requested', 'host', 200, null],
      ['decline', 'requested', 'admin', 200, null],
      ['cancel', 'requested', 'other', 403, 'exchange.requester-only'],
      ['cancel', 'requested', 'host', 403, 'exchange.requester-only'],
      ['cancel', 'requested', 'requester', 200, null],
      ['cancel', 'accepted', 'admin', 200, null],
      ['complete', 'accepted', 'other', 403, 'exchange.requester-only'],
      ['complete', 'accepted', 'host', 403, 'exchange.requester-only'],
      ['complete', 'accepted', 'requester', 200, null],
      ['complete', 'accepted', 'admin', 200, null],
    ])('%s of a %s exchange by the %s city → %i', async (action, status, who, expected, code) => {
      const id = await inStatus(status);
      const client = { host: sevilla.api, requester: lliria.api, other: valencia.api, admin }[who];
      const body = action === 'complete' ? { feedback: 'Good', rating: 4 } : {};
      const res = await client.post(`/exchanges/${id}/${action}`, body);
      expect({ status: res.status, code: res.body?.code }).toEqual({ status: expected, code: code ?? undefined });
    });
  });

  describe('rules (409 naming the rule)', () => {
    it.each<['requested' | 'accepted' | 'declined' | 'cancelled' | 'completed', string, 'host' | 'requester', string]>([
      ['accepted', 'accept', 'host', 'exchange.not-requested'],
      ['declined', 'accept', 'host', 'exchange.not-requested'],
      ['cancelled', 'decline', 'host', 'exchange.not-requested'],
      ['completed', 'decline', 'host', 'exchange.not-requested'],
      ['requested', 'complete', 'requester', 'exchange.not-accepted'],
      ['declined', 'complete', 'requester', 'exchange.not-accepted'],
      ['completed', 'complete', 'requester', 'exchange.already-completed'],
      ['completed', 'cancel', 'requester', 'exchange.closed'],
      ['declined', 'cancel', 'requester', 'exchange.closed'],
      ['cancelled', 'cancel', 'requester', 'exchange.closed'],
    ])('refuses, when %s, to %s', async (status, action, who, code) => {
      const id = await inStatus(status);
      const client = who === 'host' ? sevilla.api : lliria.api;
      expectProblem(await client.post(`/exchanges/${id}/${action}`, action === 'complete' ? { feedback: 'Good', rating: 4 } : {}), 409, code);
    });

    it('refuses the author city and a second open request by the same city', async () => {
      const { practice } = await requested();
      expectProblem(await sevilla.api.post(`/practices/${practice.id}/exchanges`, { message: 'Hi', format: 'online' }), 409, 'exchange.own-practice');
      expectProblem(
        await lliria.api.post(`/practices/${practice.id}/exchanges`, { message: 'Again', format: 'online' }),
        409,
        'exchange.already-open',
      );
      expect((await api.get(`/practices/${practice.id}`)).body.exchangeCount).toBe(1);
    });

    it('lets a city ask again once its exchange is closed', async () => {
      const { practice, exchange } = await requested();
      await ok(sevilla.api.post(`/exchanges/${exchange.id}/decline`));
      await requestExchange(lliria, practice.id);
      expect((await api.get(`/practices/${practice.id}`)).body.exchangeCount).toBe(2);
    });
  });

  it('names the field of bad input on every exchange route (400)', async () => {
    const id = await inStatus('accepted');
    const e = `/exchanges/${id}`;
    const cases: BadRequest[] = [
      ['GET', '/exchanges?role=boss', undefined, ['role']],
      ['GET', '/exchanges?status=lost', undefined, ['status']],
      ['GET', '/exchanges?page=0', undefined, ['page']],
      ['GET', '/exchanges?colour=red', undefined, ['colour']],
      ['POST', `${e}/accept`, { message: 5 }, ['message']],
      ['POST', `${e}/decline`, { note: 'x' }, ['note']],
      ['POST', `${e}/cancel`, { reason: 5 }, ['reason']],
      ['POST', `${e}/complete`, { rating: 4 }, ['feedback']],
      ['POST', `${e}/complete`, { feedback: 'Good', rating: 6 }, ['rating']],
      ['POST', `${e}/complete`, { feedback: 'Good', rating: 4.5 }, ['rating']],
    ];
    await expectBadRequests(lliria.api, cases);
    expect((await lliria.api.get(e)).body.status).toBe('accepted');
  });

  it('documents every exchange route with its errors in the OpenAPI document', async () => {
    const doc = await openApiDocument(app.running.origin);
    const routes: DocumentedRoute[] = [
      ['', 'get', ['200', '400', '401', '403']],
      ['/{id}', 'get', ['200', '401', '403', '404']],
      ['/{id}/accept', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/decline', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/cancel', 'post', ['200', '400', '401', '403', '404', '409']],
      ['/{id}/complete', 'post', ['200', '400', '401', '403', '404', '409']],
    ];
    expectDocumentedRoutes(doc, '/api/v1/exchanges', routes, { summaries: true });
  });
});
