import { REGION_IDS, regionLabel, sdgLabel, type CreativeField, type Lang, type Region, type Sdg } from '../../shared/reference-data';
import type { CityFact } from './network-facts';
import { summarySentence, type SectionFigures, type SectionName } from './report-texts';

/**
 * `GET /cities/:id/report`: a city's activity over a period, for the network's monitoring report.
 * Pure: the handler loads the city's rows from the read models, this decides what falls in the
 * period and words each section. The period is whole days, `from` and `to` included (UTC).
 *
 * - Projects led / joined: those the city leads, or is an accepted partner of now (joined on or
 *   before `to`), whose life overlaps the period (proposed on or before `to`, not finished before `from`).
 * - Practices shared: its published practices shared in the period.
 * - Endorsements given / received: endorsements in force, made in the period.
 * - Exchanges hosted / requested: requested in the period, with status and the requester's rating.
 * - Partner cities: the other members of those projects and the other side of those exchanges
 *   that were completed; regions reached: their regions.
 * - SDGs touched: those of the projects and practices listed.
 */

export interface ReportPeriod {
  /** `YYYY-MM-DD`, included. */
  from: string;
  /** `YYYY-MM-DD`, included. */
  to: string;
}

export interface ReportProjectRow {
  id: string;
  title: string;
  status: string;
  sdgs: Sdg[];
  leadCityId: string;
  partnerIds: string[];
  joinedAt: Record<string, Date>;
  proposedAt: Date;
  finishedAt: Date | null;
}

export interface ReportPracticeRow {
  id: string;
  title: string;
  field: CreativeField;
  sdgs: Sdg[];
  status: string;
  endorsementCount: number;
  sharedAt: Date;
}

export interface ReportEndorsementRow {
  practiceId: string;
  practiceTitle: string;
  authorCityId: string;
  cityId: string;
  at: Date;
}

export interface ReportExchangeRow {
  id: string;
  practiceId: string;
  practiceTitle: string;
  hostCityId: string;
  requesterCityId: string;
  format: string;
  status: string;
  rating: number | null;
  requestedAt: Date;
}

export interface ReportInput {
  city: CityFact;
  /** Every city the rows name (partners, endorsers…), by id. */
  cities: ReadonlyMap<string, CityFact>;
  projects: readonly ReportProjectRow[];
  practices: readonly ReportPracticeRow[];
  endorsementsGiven: readonly ReportEndorsementRow[];
  endorsementsReceived: readonly ReportEndorsementRow[];
  exchanges: readonly ReportExchangeRow[];
}

export interface CityRef {
  cityId: string;
  name: string;
  region: Region | null;
}

export interface ReportProject {
  id: string;
  title: string;
  status: string;
  proposedAt: string;
  /** The other members now: the lead (for a project joined) and the accepted partners. */
  partners: CityRef[];
  sdgs: Sdg[];
}

export interface ReportPractice {
  id: string;
  title: string;
  field: CreativeField;
  sdgs: Sdg[];
  sharedAt: string;
  endorsementCount: number;
}

export interface ReportEndorsement {
  practiceId: string;
  practiceTitle: string;
  /** The practice's author (given) or the endorsing city (received). */
  city: CityRef;
  at: string;
}

export interface ReportExchange {
  id: string;
  practiceId: string;
  practiceTitle: string;
  /** The requester (hosted) or the host (requested). */
  city: CityRef;
  format: string;
  status: string;
  requestedAt: string;
  rating: number | null;
}

export interface ReportPartner extends CityRef {
  country: string | null;
  projects: number;
  exchanges: number;
}

export interface Section<T> {
  summary: string;
  items: T[];
}

export interface CityReport {
  city: { id: string; name: string; country: string; region: Region; field: CreativeField };
  period: ReportPeriod;
  lang: Lang;
  projectsLed: Section<ReportProject>;
  projectsJoined: Section<ReportProject>;
  practicesShared: Section<ReportPractice>;
  endorsementsGiven: Section<ReportEndorsement>;
  endorsementsReceived: Section<ReportEndorsement>;
  exchangesHosted: Section<ReportExchange> & { averageRating: number | null };
  exchangesRequested: Section<ReportExchange> & { averageRating: number | null };
  partnerCities: Section<ReportPartner>;
  regionsReached: Section<{ region: Region; label: string; cities: number }>;
  sdgs: Section<{ sdg: Sdg; label: string; projects: number; practices: number }>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function cityReport(input: ReportInput, period: ReportPeriod, lang: Lang): CityReport {
  const start = Date.parse(`${period.from}T00:00:00.000Z`);
  const end = Date.parse(`${period.to}T00:00:00.000Z`) + DAY_MS; // exclusive
  const within = (at: Date) => at.getTime() >= start && at.getTime() < end;
  const overlaps = (p: ReportProjectRow) => p.proposedAt.getTime() < end && (p.finishedAt === null || p.finishedAt.getTime() >= start);
  const me = input.city.id;
  const ref = (cityId: string): CityRef => {
    const c = input.cities.get(cityId);
    return { cityId, name: c?.name ?? cityId, region: c?.region ?? null };
  };
  const byDate =
    <T>(date: (t: T) => Date) =>
    (a: T, b: T) =>
      date(a).getTime() - date(b).getTime();

  const projectView = (p: ReportProjectRow): ReportProject => ({
    id: p.id,
    title: p.title,
    status: p.status,
    proposedAt: p.proposedAt.toISOString(),
    partners: [p.leadCityId, ...p.partnerIds].filter((id, i, all) => id !== me && all.indexOf(id) === i).map(ref),
    sdgs: [...p.sdgs],
  });
  const ledRows = input.projects.filter((p) => p.leadCityId === me && overlaps(p)).sort(byDate((p) => p.proposedAt));
  const joinedRows = input.projects
    .filter((p) => p.leadCityId !== me && p.partnerIds.includes(me) && (p.joinedAt[me]?.getTime() ?? 0) < end && overlaps(p))
    .sort(byDate((p) => p.proposedAt));
  const practiceRows = input.practices.filter((p) => p.status === 'published' && within(p.sharedAt)).sort(byDate((p) => p.sharedAt));
  const given = input.endorsementsGiven.filter((e) => within(e.at)).sort(byDate((e) => e.at));
  const received = input.endorsementsReceived.filter((e) => within(e.at)).sort(byDate((e) => e.at));
  const exchangeRows = input.exchanges.filter((x) => within(x.requestedAt)).sort(byDate((x) => x.requestedAt));
  const hosted = exchangeRows.filter((x) => x.hostCityId === me);
  const requested = exchangeRows.filter((x) => x.requesterCityId === me && x.hostCityId !== me);

  // Partners: the other members of the projects listed, the other side of the completed exchanges listed.
  const partners = new Map<string, ReportPartner>();
  const partner = (cityId: string) => {
    const known = partners.get(cityId);
    if (known) return known;
    const fresh: ReportPartner = { ...ref(cityId), country: input.cities.get(cityId)?.country ?? null, projects: 0, exchanges: 0 };
    partners.set(cityId, fresh);
    return fresh;
  };
  for (const p of [...ledRows, ...joinedRows]) for (const other of projectView(p).partners) partner(other.cityId).projects += 1;
  for (const x of exchangeRows) if (x.status === 'completed') partner(x.hostCityId === me ? x.requesterCityId : x.hostCityId).exchanges += 1;
  const collator = new Intl.Collator(lang);
  const partnerList = [...partners.values()].sort(
    (a, b) => b.projects + b.exchanges - (a.projects + a.exchanges) || collator.compare(a.name, b.name),
  );

  const regionCounts = new Map<Region, number>();
  for (const p of partnerList) if (p.region) regionCounts.set(p.region, (regionCounts.get(p.region) ?? 0) + 1);
  const regions = REGION_IDS.filter((r) => regionCounts.has(r)).map((region) => ({
    region,
    label: regionLabel(region, lang),
    cities: regionCounts.get(region)!,
  }));

  const sdgCounts = new Map<Sdg, { projects: number; practices: number }>();
  const touch = (sdg: Sdg, kind: 'projects' | 'practices') => {
    const c = sdgCounts.get(sdg) ?? { projects: 0, practices: 0 };
    c[kind] += 1;
    sdgCounts.set(sdg, c);
  };
  for (const p of [...ledRows, ...joinedRows]) for (const s of new Set(p.sdgs)) touch(s, 'projects');
  for (const p of practiceRows) for (const s of new Set(p.sdgs)) touch(s, 'practices');
  const sdgs = [...sdgCounts.entries()].sort(([a], [b]) => a - b).map(([sdg, c]) => ({ sdg, label: sdgLabel(sdg, lang), ...c }));

  const exchangeView = (x: ReportExchange | ReportExchangeRow, other: string): ReportExchange => ({
    id: x.id,
    practiceId: x.practiceId,
    practiceTitle: x.practiceTitle,
    city: ref(other),
    format: x.format,
    status: x.status,
    requestedAt: (x as ReportExchangeRow).requestedAt.toISOString(),
    rating: x.rating,
  });
  const average = (rows: readonly ReportExchangeRow[]) => {
    const rated = rows.filter((x) => x.status === 'completed' && x.rating !== null).map((x) => x.rating!);
    return rated.length === 0 ? null : Math.round((rated.reduce((s, r) => s + r, 0) / rated.length) * 10) / 10;
  };
  const endorsementView = (e: ReportEndorsementRow, other: string): ReportEndorsement => ({
    practiceId: e.practiceId,
    practiceTitle: e.practiceTitle,
    city: ref(other),
    at: e.at.toISOString(),
  });

  const say = (section: SectionName, figures: Partial<SectionFigures>) =>
    summarySentence(lang, section, { city: input.city.name, n: 0, m: 0, rating: null, regions: [], sdgs: [], ...figures });
  const distinct = (ids: string[]) => new Set(ids).size;
  const completed = (rows: readonly ReportExchangeRow[]) => rows.filter((x) => x.status === 'completed').length;
  const ledPartners = distinct(ledRows.flatMap((p) => p.partnerIds.filter((id) => id !== me)));

  return {
    city: { id: input.city.id, name: input.city.name, country: input.city.country, region: input.city.region, field: input.city.field },
    period,
    lang,
    projectsLed: { summary: say('projectsLed', { n: ledRows.length, m: ledPartners }), items: ledRows.map(projectView) },
    projectsJoined: { summary: say('projectsJoined', { n: joinedRows.length }), items: joinedRows.map(projectView) },
    practicesShared: {
      summary: say('practicesShared', { n: practiceRows.length }),
      items: practiceRows.map((p) => ({
        id: p.id,
        title: p.title,
        field: p.field,
        sdgs: [...p.sdgs],
        sharedAt: p.sharedAt.toISOString(),
        endorsementCount: p.endorsementCount,
      })),
    },
    endorsementsGiven: {
      summary: say('endorsementsGiven', { n: given.length, m: distinct(given.map((e) => e.authorCityId)) }),
      items: given.map((e) => endorsementView(e, e.authorCityId)),
    },
    endorsementsReceived: {
      summary: say('endorsementsReceived', { n: received.length, m: distinct(received.map((e) => e.cityId)) }),
      items: received.map((e) => endorsementView(e, e.cityId)),
    },
    exchangesHosted: {
      summary: say('exchangesHosted', { n: hosted.length, m: completed(hosted), rating: average(hosted) }),
      averageRating: average(hosted),
      items: hosted.map((x) => exchangeView(x, x.requesterCityId)),
    },
    exchangesRequested: {
      summary: say('exchangesRequested', { n: requested.length, m: completed(requested), rating: average(requested) }),
      averageRating: average(requested),
      items: requested.map((x) => exchangeView(x, x.hostCityId)),
    },
    partnerCities: { summary: say('partnerCities', { n: partnerList.length, m: regions.length }), items: partnerList },
    regionsReached: { summary: say('regionsReached', { n: regions.length, regions: regions.map((r) => r.region) }), items: regions },
    sdgs: { summary: say('sdgs', { n: sdgs.length, sdgs: sdgs.map((s) => s.sdg) }), items: sdgs },
  };
}
