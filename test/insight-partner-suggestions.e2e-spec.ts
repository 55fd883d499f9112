import { TestServices } from '@app/testing';
import { ok } from './support/http-expectations';
import { buildInsightNetwork, insightCaughtUp, type InsightNetwork } from './support/insight-network';
import { startApp, type RunningApp } from './support/test-app';

interface Suggestion {
  city: { id: string; name: string };
  score: number;
  reasons: string[];
}

/**
 * Partner suggestions act on the geographic balance (SPEC §3, issue #16): a city of a region that
 * few collaborations in the project's field link with the lead's is favoured, and told so, from the
 * insight read models, so a new collaboration changes the advice.
 */
describe('Partner suggestions favour under-connected regions (HTTP)', () => {
  let services: TestServices;
  let running: RunningApp;
  let net: InsightNetwork;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services, { SEED_ON_START: 'false' });
    net = await buildInsightNetwork(running);
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  const music = (title: string) => ({
    title,
    summary: 'Concerts between cities',
    fields: ['music'],
    actionAreas: ['pilot-projects'],
    sectors: ['public'],
    sdgs: [11],
  });
  const suggestionsFor = async (projectId: string): Promise<Suggestion[]> =>
    ok(running.api.get(`/projects/${projectId}/partner-suggestions?limit=50`));
  const reasonsOf = (suggestions: Suggestion[], cityId: string) => suggestions.find((s) => s.city.id === cityId)?.reasons ?? [];

  it('says which regions few projects link with the lead’s in the project’s field, and stops once enough do', async () => {
    const { sevilla, bologna, dakar, salvador, amman } = net;
    const project = await ok(sevilla.api.post('/projects', music('Songs of the ports')));
    let suggestions = await suggestionsFor(project.id);
    // Europe–Africa in music: P1 and the mentoring x2; Europe–Latin America: P1 and x1; Europe–Arab States: none.
    expect(reasonsOf(suggestions, dakar.cityId)).toContain('Few projects link Europe and North America with Africa in music yet');
    expect(reasonsOf(suggestions, salvador.cityId)).toContain(
      'Few projects link Europe and North America with Latin America and the Caribbean in music yet',
    );
    expect(reasonsOf(suggestions, amman.cityId)).toContain('Few projects link Europe and North America with the Arab States in music yet');
    // Bologna shares the lead's region: no such reason.
    expect(reasonsOf(suggestions, bologna.cityId).filter((r) => r.startsWith('Few projects'))).toEqual([]);

    // A third music collaboration between Europe and Latin America: Salvador's region is no longer under-connected.
    const third = await ok(sevilla.api.post('/projects', music('Carnival and flamenco')));
    await ok(sevilla.api.post(`/projects/${third.id}/invitations`, { cityId: salvador.cityId }));
    await ok(salvador.api.post(`/projects/${third.id}/invitations/${salvador.cityId}/accept`));
    await insightCaughtUp(running);

    suggestions = await suggestionsFor(project.id);
    expect(reasonsOf(suggestions, salvador.cityId).filter((r) => r.startsWith('Few projects'))).toEqual([]);
    expect(reasonsOf(suggestions, dakar.cityId)).toContain('Few projects link Europe and North America with Africa in music yet');
  });
});
