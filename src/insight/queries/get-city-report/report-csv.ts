import { stringify } from 'csv-stringify/sync';
import type { CityReport, ReportExchange, ReportProject } from '../../domain/city-report';
import { cell } from '../../domain/csv-cells';

/**
 * The report as one CSV table (RFC 4180, CRLF, header row; cells as domain/csv-cells.ts writes
 * them): for each section a `summary` row (the sentence in `title`) then one `item` row per line.
 */
export const REPORT_CSV_COLUMNS = [
  'section',
  'kind',
  'id',
  'title',
  'cityId',
  'cityName',
  'region',
  'status',
  'format',
  'date',
  'rating',
  'sdgs',
  'projects',
  'exchanges',
  'endorsements',
  'practices',
  'cities',
] as const;

type Line = Partial<Record<(typeof REPORT_CSV_COLUMNS)[number], unknown>>;

export function reportCsv(report: CityReport): string {
  const lines: Line[] = [];
  const section = (name: string, summary: string, items: Line[]) => {
    lines.push({ section: name, kind: 'summary', title: summary });
    for (const item of items) lines.push({ section: name, kind: 'item', ...item });
  };
  const project = (p: ReportProject): Line => ({
    id: p.id,
    title: p.title,
    cityId: p.partners.map((c) => c.cityId),
    cityName: p.partners.map((c) => c.name),
    status: p.status,
    date: p.proposedAt,
    sdgs: p.sdgs,
  });
  const exchange = (x: ReportExchange): Line => ({
    id: x.id,
    title: x.practiceTitle,
    cityId: x.city.cityId,
    cityName: x.city.name,
    region: x.city.region,
    status: x.status,
    format: x.format,
    date: x.requestedAt,
    rating: x.rating,
  });
  section('projectsLed', report.projectsLed.summary, report.projectsLed.items.map(project));
  section('projectsJoined', report.projectsJoined.summary, report.projectsJoined.items.map(project));
  section(
    'practicesShared',
    report.practicesShared.summary,
    report.practicesShared.items.map((p) => ({ id: p.id, title: p.title, date: p.sharedAt, sdgs: p.sdgs, endorsements: p.endorsementCount })),
  );
  for (const name of ['endorsementsGiven', 'endorsementsReceived'] as const) {
    section(
      name,
      report[name].summary,
      report[name].items.map((e) => ({
        id: e.practiceId,
        title: e.practiceTitle,
        cityId: e.city.cityId,
        cityName: e.city.name,
        region: e.city.region,
        date: e.at,
      })),
    );
  }
  section('exchangesHosted', report.exchangesHosted.summary, report.exchangesHosted.items.map(exchange));
  section('exchangesRequested', report.exchangesRequested.summary, report.exchangesRequested.items.map(exchange));
  section(
    'partnerCities',
    report.partnerCities.summary,
    report.partnerCities.items.map((c) => ({
      id: c.cityId,
      title: c.name,
      cityId: c.cityId,
      cityName: c.name,
      region: c.region,
      projects: c.projects,
      exchanges: c.exchanges,
    })),
  );
  section(
    'regionsReached',
    report.regionsReached.summary,
    report.regionsReached.items.map((r) => ({ id: r.region, title: r.label, region: r.region, cities: r.cities })),
  );
  section(
    'sdgs',
    report.sdgs.summary,
    report.sdgs.items.map((s) => ({ id: s.sdg, title: s.label, sdgs: [s.sdg], projects: s.projects, practices: s.practices })),
  );
  return stringify(
    lines.map((line) => REPORT_CSV_COLUMNS.map((column) => cell(line[column]))),
    { header: true, columns: [...REPORT_CSV_COLUMNS], record_delimiter: 'windows' },
  );
}
