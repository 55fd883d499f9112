import type { CityFact, ExchangeFact, ProjectFact } from './network-facts';
import { networkGraph } from './network-graph';
import { geographicBalance, networkStats } from './network-stats';

const city = (id: string, region: CityFact['region'], field: CityFact['field'] = 'music'): CityFact => ({
  id,
  name: id.toUpperCase(),
  country: 'XX',
  region,
  field,
  lat: null,
  lng: null,
  month: '2025-01',
});
const CITIES = [city('sev', 'europe-north-america'), city('bol', 'europe-north-america'), city('dak', 'africa', 'film')];
const BY_ID = new Map(CITIES.map((c) => [c.id, c]));
const project = (id: string, lead: string, partners: string[], fields: ProjectFact['fields'] = ['music'], month = '2025-03'): ProjectFact => ({
  id,
  status: 'active',
  fields,
  sdgs: [11],
  leadCityId: lead,
  partnerIds: partners,
  month,
});
const exchange = (id: string, host: string, requester: string, status: string, completedMonth: string | null): ExchangeFact => ({
  id,
  status,
  hostCityId: host,
  requesterCityId: requester,
  month: '2025-02',
  completedMonth,
  field: 'film',
  sdgs: [],
});

describe('the geographic balance', () => {
  it('counts shared projects and completed exchanges, across regions when their cities are in more than one', () => {
    const balance = geographicBalance(
      BY_ID,
      [project('alone', 'sev', []), project('europe', 'sev', ['bol'], ['music', 'design'], '2024-05'), project('across', 'sev', ['dak', 'bol'])],
      [exchange('open', 'dak', 'sev', 'accepted', null), exchange('done', 'dak', 'sev', 'completed', '2026-01')],
    );
    expect({ collaborations: balance.collaborations, crossRegion: balance.crossRegion, share: balance.share }).toEqual({
      collaborations: 3,
      crossRegion: 2,
      share: 0.6667,
    });
    expect(balance.byYear).toEqual([
      { year: 2024, collaborations: 1, crossRegion: 0, share: 0 },
      { year: 2025, collaborations: 1, crossRegion: 1, share: 1 },
      { year: 2026, collaborations: 1, crossRegion: 1, share: 1 },
    ]);
    expect(balance.byField.filter((f) => f.collaborations > 0).map((f) => [f.field, f.collaborations, f.crossRegion])).toEqual([
      ['design', 1, 0],
      ['film', 1, 1],
      ['music', 2, 1],
    ]);
    const europe = balance.regions.find((r) => r.region === 'europe-north-america')!;
    expect(europe.links.find((l) => l.region === 'africa')).toEqual({ region: 'africa', projects: 1, exchanges: 1 });
  });

  it('counts a thing under each of its fields and regions, so a breakdown may add up to more than the total', () => {
    const stats = networkStats(CITIES, [project('across', 'sev', ['dak'], ['music', 'film'])], [], []);
    expect(stats.projects.total).toBe(1);
    expect(stats.projects.byField.filter((f) => f.count > 0)).toEqual([
      { field: 'film', count: 1 },
      { field: 'music', count: 1 },
    ]);
    expect(stats.projects.byRegion.filter((r) => r.count > 0)).toEqual([
      { region: 'africa', count: 1 },
      { region: 'europe-north-america', count: 1 },
    ]);
  });
});

describe('the collaboration graph', () => {
  it('keeps the cities of the filter and the edges between them', () => {
    const graph = networkGraph(CITIES, [project('across', 'sev', ['dak', 'bol'])], [exchange('done', 'dak', 'sev', 'completed', '2025-04')], {
      region: 'europe-north-america',
    });
    expect(graph.nodes.map((n) => n.cityId)).toEqual(['bol', 'sev']);
    expect(graph.edges).toEqual([{ a: 'bol', b: 'sev', projects: 1, exchanges: 0 }]);
    const all = networkGraph(
      CITIES,
      [],
      [exchange('done', 'dak', 'sev', 'completed', '2025-04'), exchange('no', 'dak', 'sev', 'declined', null)],
      {},
    );
    expect(all.edges).toEqual([{ a: 'dak', b: 'sev', projects: 0, exchanges: 1 }]);
  });
});
