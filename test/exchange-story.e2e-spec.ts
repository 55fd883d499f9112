import { waitFor, type ApiResponse } from '@app/testing';
import type { Socket } from 'socket.io-client';
import { appWithCities } from './support/app-with-cities';
import type { CityUser } from './support/city-users';
import { ok, PROBLEM } from './support/http-expectations';
import { connectLive, emitWithAck, Inbox } from './support/live-client';
import { practiceBody } from './support/practices';

/**
 * The best-practice story of the network, over HTTP and socket.io-client: a practice shared in
 * Spanish reaches its field, is found, endorsed, commented live, leads to exchanges, and is
 * moderated. Every 4xx on the way is problem+json.
 */
describe('Best practices and exchanges: the story', () => {
  const { app, api, admin, users } = appWithCities(['bilbao', 'valencia', 'sevilla', 'lliria']);
  const [bilbao, valencia, sevilla, lliria] = users;
  const sockets: Socket[] = [];
  const live: Record<string, Inbox> = {};
  const refusals: ApiResponse[] = [];

  beforeAll(async () => {
    for (const [name, user] of Object.entries({ bilbao, valencia, sevilla, lliria })) {
      const socket = await connectLive(app.running.origin, user.token);
      sockets.push(socket);
      live[name] = new Inbox(socket, 'notification');
    }
  });

  afterAll(() => sockets.forEach((s) => s.close()));

  /** A refusal with this status and rule code, kept to check that every 4xx is problem+json. */
  async function refused(promise: Promise<ApiResponse>, status: number, code?: string): Promise<ApiResponse> {
    const res = await promise;
    expect({ status: res.status, code: code === undefined ? undefined : res.body.code }).toEqual({ status, code });
    refusals.push(res);
    return res;
  }
  const inbox = async (user: CityUser) => (await ok(user.api.get('/notifications?limit=100'))).items as { type: string; link: { id: string } }[];

  let practice: { id: string; title: string };
  let commentId: string;

  it('Bilbao shares a design practice in Spanish: Valencia (design) is told live and in its inbox, Sevilla (music) is not', async () => {
    practice = await ok(
      bilbao.api.post('/practices', {
        title: 'Diseño en los mercados municipales',
        summary: 'Jóvenes diseñadores renuevan los puestos vacíos de los mercados de abastos',
        body: 'Cada primavera, los mercados municipales ceden puestos vacíos a estudios de diseño locales durante un mes.',
        field: 'design',
        actionArea: 'urban-policy',
        sdgs: [11, 8],
        tags: ['mercados', 'diseñadores jóvenes'],
        language: 'es',
      }),
    );
    const [pushed] = await live.valencia.waitFor((n) => n.type === 'PracticeShared' && n.link.id === practice.id);
    expect(pushed).toMatchObject({ title: `Bilbao shared a practice: “${practice.title}”`, link: { kind: 'practice', id: practice.id } });
    expect((await inbox(valencia)).filter((n) => n.link.id === practice.id).map((n) => n.type)).toEqual(['PracticeShared']);
    // A later notification to Sevilla is the barrier: the practice's fan-out is done by then.
    const barrier = await ok(
      lliria.api.post('/practices', practiceBody({ field: 'music', title: 'Bandas de música en la escuela', language: 'es' })),
    );
    await live.sevilla.waitFor((n) => n.link.id === barrier.id);
    expect(live.sevilla.received.some((n) => n.link.id === practice.id)).toBe(false);
    expect((await inbox(sevilla)).some((n) => n.link.id === practice.id)).toBe(false);
    expect(live.bilbao.received.some((n) => n.link.id === practice.id)).toBe(false); // not the author either
  });

  it('is found by a stemmed word without its accent, best match first', async () => {
    const found = await ok(api.get('/practices?q=disenos&sort=relevance'));
    expect(found.items[0]).toMatchObject({ id: practice.id });
    expect((await ok(api.get('/practices?q=mercado'))).items.map((p: { id: string }) => p.id)).toContain(practice.id);
  });

  it('Sevilla endorses it once; Llíria endorses it 10 times at once and one counts', async () => {
    await ok(sevilla.api.post(`/practices/${practice.id}/endorsements`, {}));
    await refused(sevilla.api.post(`/practices/${practice.id}/endorsements`, {}), 409);
    const tries = await Promise.all(Array.from({ length: 10 }, () => lliria.api.post(`/practices/${practice.id}/endorsements`, {})));
    expect(tries.filter((r) => r.status === 201 || r.status === 200)).toHaveLength(1);
    for (const r of tries.filter((t) => t.status >= 400)) {
      expect(r.status).toBe(409);
      refusals.push(r);
    }
    expect((await ok(api.get(`/practices/${practice.id}`))).endorsementCount).toBe(2);
    await live.bilbao.waitFor((n) => n.type === 'PracticeEndorsed' && n.link.id === practice.id, 2);
  });

  it('Valencia comments and a watcher of the practice sees the comment live; Bilbao is told', async () => {
    const watcher = await connectLive(app.running.origin, sevilla.token);
    sockets.push(watcher);
    const events = new Inbox(watcher, 'practice.event');
    expect(await emitWithAck(watcher, 'practice:watch', { practiceId: practice.id })).toEqual({ ok: true, missed: [] });
    const comment = await ok(valencia.api.post(`/practices/${practice.id}/comments`, { text: '¡Lo probaremos en el Mercado Central!' }));
    commentId = comment.id;
    const [seen] = await events.waitFor((e) => e.type === 'PracticeCommented');
    expect(seen).toMatchObject({ practiceId: practice.id, data: { commentId, text: '¡Lo probaremos en el Mercado Central!' } });
    await live.bilbao.waitFor((n) => n.type === 'PracticeCommented' && n.link.id === practice.id);
  });

  it('Sevilla asks for a study visit, Bilbao accepts, Sevilla completes it with a rating; each side is told', async () => {
    const exchange = await ok(
      sevilla.api.post(`/practices/${practice.id}/exchanges`, { message: '¿Podemos visitar el mercado en mayo?', format: 'study-visit' }),
    );
    expect(exchange).toMatchObject({ status: 'requested', hostCityId: bilbao.cityId, requesterCityId: sevilla.cityId });
    await live.bilbao.waitFor((n) => n.type === 'ExchangeRequested' && n.link.id === exchange.id);
    await ok(bilbao.api.post(`/exchanges/${exchange.id}/accept`, { message: 'Os esperamos' }));
    await live.sevilla.waitFor((n) => n.type === 'ExchangeAccepted' && n.link.id === exchange.id);
    await refused(bilbao.api.post(`/exchanges/${exchange.id}/complete`, { feedback: 'x', rating: 5 }), 403);
    const completed = await ok(sevilla.api.post(`/exchanges/${exchange.id}/complete`, { feedback: 'Muy útil para nuestro mercado', rating: 5 }));
    expect(completed).toMatchObject({ status: 'completed', rating: 5 });
    await refused(sevilla.api.post(`/exchanges/${exchange.id}/complete`, { feedback: 'Otra vez', rating: 4 }), 409);
    await live.bilbao.waitFor((n) => n.type === 'ExchangeCompleted' && n.link.id === exchange.id);
    // Bilbao and Sevilla have now worked together.
    await waitFor('the collaborations to list the exchange', async () => {
      const page = await ok(api.get(`/cities/${sevilla.cityId}/collaborations`));
      return page.items.some((c: any) => c.city.id === bilbao.cityId && c.exchanges.some((x: { id: string }) => x.id === exchange.id)) || undefined;
    });
  });

  it('Llíria’s request is declined and cannot be accepted later', async () => {
    const exchange = await ok(lliria.api.post(`/practices/${practice.id}/exchanges`, { message: 'Mentoring, please', format: 'mentoring' }));
    await ok(bilbao.api.post(`/exchanges/${exchange.id}/decline`, { message: 'Not this year' }));
    await live.lliria.waitFor((n) => n.type === 'ExchangeDeclined' && n.link.id === exchange.id);
    const late = await refused(bilbao.api.post(`/exchanges/${exchange.id}/accept`, {}), 409);
    expect(late.body.detail).toMatch(/declined|requested/i);
  });

  it('a reported comment is hidden by an admin and its author city is told why', async () => {
    await ok(sevilla.api.post(`/comments/${commentId}/reports`, { reason: 'Off topic' }));
    await refused(sevilla.api.post(`/comments/${commentId}/reports`, { reason: 'Again' }), 409);
    const queue = await ok(admin.get('/reports?status=open'));
    expect(queue.items.some((r: any) => JSON.stringify(r).includes(commentId))).toBe(true);
    await refused(valencia.api.post(`/comments/${commentId}/hide`, { reason: 'x' }), 403);
    await ok(admin.post(`/comments/${commentId}/hide`, { reason: 'Advertising a private shop' }));
    const [told] = await live.valencia.waitFor((n) => n.type === 'CommentHidden');
    expect(told.body).toContain('Advertising a private shop');
    const comments = await ok(sevilla.api.get(`/practices/${practice.id}/comments`));
    expect(comments.items.some((c: { id: string }) => c.id === commentId)).toBe(false);
    const own = await ok(valencia.api.get(`/practices/${practice.id}/comments`));
    expect(own.items.find((c: { id: string }) => c.id === commentId)).toMatchObject({ status: 'hidden' });
  });

  it('answered every refusal with problem+json', async () => {
    await refused(api.post('/practices', practiceBody()), 401);
    await refused(valencia.api.post('/practices', practiceBody({ language: 'de' })), 400);
    expect(refusals.length).toBeGreaterThanOrEqual(10);
    for (const r of refusals) {
      expect(r.headers.get('content-type')).toMatch(PROBLEM);
      expect(r.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: r.status, detail: expect.any(String) });
    }
  });
});
