import { resolvePeriod } from '../queries/get-city-report/get-city-report.handler';
import { cityReport, type ReportInput } from './city-report';
import type { CityFact } from './network-facts';

const city = (id: string, name: string, region: CityFact['region']): CityFact => ({
  id,
  name,
  country: 'XX',
  region,
  field: 'music',
  lat: null,
  lng: null,
  month: '2024-01',
});
const SEV = city('sev', 'Sevilla', 'europe-north-america');
const DAK = city('dak', 'Dakar', 'africa');
const d = (iso: string) => new Date(iso);

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    city: SEV,
    cities: new Map([SEV, DAK].map((c) => [c.id, c])),
    projects: [],
    practices: [],
    endorsementsGiven: [],
    endorsementsReceived: [],
    exchanges: [],
    ...overrides,
  };
}

describe('a city report’s period', () => {
  const period = { from: '2024-01-01', to: '2024-12-31' };
  const project = (id: string, proposedAt: string, finishedAt: string | null, extra: object = {}) => ({
    id,
    title: id,
    status: finishedAt ? 'completed' : 'active',
    sdgs: [11 as const],
    leadCityId: 'sev',
    partnerIds: ['dak'],
    joinedAt: { dak: d(proposedAt) },
    proposedAt: d(proposedAt),
    finishedAt: finishedAt ? d(finishedAt) : null,
    ...extra,
  });

  it('keeps the projects whose life overlaps it, its last day included', () => {
    const report = cityReport(
      input({
        projects: [
          project('before', '2023-01-01T00:00:00Z', '2023-12-31T23:59:59Z'),
          project('across', '2023-06-01T00:00:00Z', '2024-01-01T00:00:00Z'),
          project('last-day', '2024-12-31T23:59:59Z', null),
          project('after', '2025-01-01T00:00:00Z', null),
        ],
      }),
      period,
      'en',
    );
    expect(report.projectsLed.items.map((p) => p.id)).toEqual(['across', 'last-day']);
    expect(report.partnerCities.items).toEqual([{ cityId: 'dak', name: 'Dakar', region: 'africa', country: 'XX', projects: 2, exchanges: 0 }]);
  });

  it('counts a project joined only when the city joined by the end of the period', () => {
    const joined = (at: string) => ({
      ...project('p', '2024-01-10T00:00:00Z', null),
      leadCityId: 'dak',
      partnerIds: ['sev'],
      joinedAt: { sev: d(at) },
    });
    expect(cityReport(input({ projects: [joined('2024-06-01T00:00:00Z')] }), period, 'en').projectsJoined.items).toHaveLength(1);
    expect(cityReport(input({ projects: [joined('2025-01-02T00:00:00Z')] }), period, 'en').projectsJoined.items).toHaveLength(0);
  });

  it('averages the ratings of the completed exchanges only, to one decimal', () => {
    const exchange = (id: string, status: string, rating: number | null) => ({
      id,
      practiceId: 'pr',
      practiceTitle: 'T',
      hostCityId: 'sev',
      requesterCityId: 'dak',
      format: 'online',
      status,
      rating,
      requestedAt: d('2024-05-01T00:00:00Z'),
    });
    const report = cityReport(
      input({ exchanges: [exchange('a', 'completed', 5), exchange('b', 'completed', 4), exchange('c', 'declined', null)] }),
      period,
      'es',
    );
    expect(report.exchangesHosted.averageRating).toBe(4.5);
    expect(report.exchangesHosted.summary).toBe('A Sevilla le pidieron 3 intercambios, 2 completados, con una valoración media de 4,5 sobre 5.');
  });

  it('defaults to the four years up to today and refuses an impossible one', () => {
    expect(resolvePeriod({}, d('2026-11-30T10:00:00Z'))).toEqual({ from: '2022-12-01', to: '2026-11-30' });
    expect(() => resolvePeriod({ from: '2026-02-29' }, d('2026-11-30T10:00:00Z'))).toThrow('from: 2026-02-29 is not a valid date');
    expect(() => resolvePeriod({ from: '2026-05-01', to: '2026-04-30' }, new Date())).toThrow('must not be after');
  });
});
