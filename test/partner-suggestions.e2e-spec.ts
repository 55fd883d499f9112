import { ApiClient, TestServices } from '@app/testing';
import { createCityUser, type CityUser } from './support/city-users';
import { requestExchange, sharePractice } from './support/practices';
import { login, RunningApp, startApp } from './support/test-app';

interface Suggestion {
  city: { id: string; name: string };
  score: number;
  reasons: string[];
}

/**
 * SPEC §3 partner suggestions, with the reasons from practices and exchanges: a city that shared a
 * practice on the project's topic, or that hosted or asked for an exchange with the lead, is told
 * so in plain words, all of it set up over HTTP as cities do.
 */
describe('Partner suggestions from practices and exchanges (HTTP)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;
  /** The lead. */
  let sevilla: CityUser;
  /** Design: shares a practice in the project's field. */
  let valencia: CityUser;
  /** Literature: shares a practice tagged with words of the project's title. */
  let granada: CityUser;
  /** Film: hosts Sevilla's study visit. */
  let terrassa: CityUser;
  /** Gastronomy: asks Sevilla for mentoring, accepted. */
  let burgos: CityUser;
  /** Music: asks Sevilla for an exchange, declined. */
  let lliria: CityUser;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    api = running.api;
    const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    admin = api.as(adminToken);
    [sevilla, valencia, granada, terrassa, burgos, lliria] = await Promise.all(
      ['sevilla', 'valencia', 'granada', 'terrassa', 'burgos', 'lliria'].map((q) => createCityUser(api, adminToken, q)),
    );
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  async function expectStatus(request: Promise<{ status: number; body: any }>, status: number): Promise<any> {
    const res = await request;
    expect({ status: res.status, body: res.body }).toEqual({ status, body: expect.anything() });
    return res.body;
  }

  async function suggestionsFor(projectId: string, as: ApiClient = api): Promise<Suggestion[]> {
    return expectStatus(as.get(`/projects/${projectId}/partner-suggestions?limit=50`), 200);
  }
  const find = (suggestions: Suggestion[], user: CityUser) => suggestions.find((s) => s.city.id === user.cityId);

  it('tells which practice a city shared on the project’s topic and which exchange tied it to the lead', async () => {
    const designWeeks = await sharePractice(valencia); // design, tags "heritage" and "young designers"
    const patios = await sharePractice(granada, { title: 'Reading in the patios', field: 'literature', tags: ['old squares'] });
    const courtyards = await sharePractice(terrassa, { title: 'Cinema in the courtyards', field: 'film', tags: ['cinema'] });
    const flamenco = await sharePractice(sevilla, { title: 'Flamenco schools', field: 'music', tags: ['flamenco'] });

    // Terrassa hosted Sevilla's study visit, to the end.
    const visit = await requestExchange(sevilla, courtyards.id, { format: 'study-visit', message: 'May our school visit in May?' });
    await expectStatus(terrassa.api.post(`/exchanges/${visit.id}/accept`, { message: 'Welcome' }), 200);
    await expectStatus(sevilla.api.post(`/exchanges/${visit.id}/complete`, { feedback: 'A private opinion', rating: 5 }), 200);
    // Burgos asked Sevilla for mentoring, accepted; Llíria's request was declined: no tie.
    const mentoring = await requestExchange(burgos, flamenco.id, { format: 'mentoring', message: 'Could you mentor our school?' });
    await expectStatus(sevilla.api.post(`/exchanges/${mentoring.id}/accept`), 200);
    const declined = await requestExchange(lliria, flamenco.id, { message: 'A request Sevilla declines' });
    await expectStatus(sevilla.api.post(`/exchanges/${declined.id}/decline`), 200);

    const project = await expectStatus(
      sevilla.api.post('/projects', {
        title: 'Music in the old squares',
        summary: 'Summer concerts and street design between cities',
        fields: ['music', 'design'],
        actionAreas: ['pilot-projects'],
        sectors: ['public'],
        sdgs: [11],
      }),
      201,
    );
    const suggestions = await suggestionsFor(project.id);

    expect(find(suggestions, valencia)?.reasons).toEqual([
      'Same creative field: Design',
      `Shared a practice on design: “${designWeeks.title}”`,
      'Common language: Spanish',
    ]);
    expect(find(suggestions, granada)?.reasons).toEqual([`Shared a practice on old squares: “${patios.title}”`, 'Common language: Spanish']);
    expect(find(suggestions, terrassa)?.reasons).toEqual([
      'Hosted a study visit for Sevilla on “Cinema in the courtyards”',
      'Common language: Spanish',
    ]);
    expect(find(suggestions, burgos)?.reasons).toEqual(['Asked Sevilla for mentoring on “Flamenco schools”', 'Common language: Spanish']);
    expect(find(suggestions, lliria)?.reasons).toEqual(['Same creative field: Music', 'Common language: Spanish']);

    // The practice moves Valencia above Bilbao, a design city that shared nothing.
    const ids = suggestions.map((s) => s.city.id);
    const bilbao = suggestions.find((s) => s.city.name === 'Bilbao')!;
    expect(bilbao.reasons).toEqual(['Same creative field: Design', 'Common language: Spanish']);
    expect(ids.indexOf(valencia.cityId)).toBeLessThan(ids.indexOf(bilbao.city.id));
    expect(find(suggestions, valencia)!.score).toBeGreaterThan(bilbao.score);
    // Anyone may read suggestions: the same answer, and nothing of the exchanges' messages or feedback.
    expect(await suggestionsFor(project.id, sevilla.api)).toEqual(suggestions);
    const text = JSON.stringify(suggestions);
    for (const secret of ['May our school', 'Could you mentor', 'A private opinion', 'Welcome', 'declines']) expect(text).not.toContain(secret);

    // A practice hidden by a moderator is no longer named: the exchange still counts, without its title.
    await expectStatus(admin.post(`/practices/${courtyards.id}/hide`, { reason: 'Advertising' }), 200);
    expect(find(await suggestionsFor(project.id), terrassa)?.reasons).toEqual(['Hosted a study visit for Sevilla', 'Common language: Spanish']);
  });
});
