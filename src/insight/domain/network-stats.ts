import { CREATIVE_FIELD_IDS, REGION_IDS, SDG_IDS, type CreativeField, type Region, type Sdg } from '../../shared/reference-data';
import { membersOf, type CityFact, type ExchangeFact, type PracticeGroup, type ProjectFact } from './network-facts';

/**
 * `GET /stats`: counts of cities, projects, practices and exchanges by field, region, status, SDG
 * and month, and the geographic balance of collaborations. Pure: the handler loads the facts.
 *
 * What each thing is counted under (a project with two fields counts once under each, so the
 * entries of a breakdown may add up to more than `total`):
 * - cities: their field and region, the month they were registered; no status or SDG.
 * - projects: each of their fields; each region of their lead and accepted partners; their status;
 *   each SDG; the month proposed.
 * - practices: published ones only (hidden ones appear in `byStatus` alone), under their field,
 *   the author city's region, each SDG and the month shared.
 * - exchanges: the field and SDGs of their practice; each region of host and requester; status;
 *   the month requested.
 */

export interface Counts {
  total: number;
  byField: { field: CreativeField; count: number }[];
  byRegion: { region: Region; count: number }[];
  byStatus: { status: string; count: number }[];
  bySdg: { sdg: Sdg; count: number }[];
  byMonth: { month: string; count: number }[];
}

export interface BalanceEntry {
  collaborations: number;
  crossRegion: number;
  /** crossRegion / collaborations, rounded to 4 decimals; 0 without collaborations. */
  share: number;
}

export interface Balance extends BalanceEntry {
  projects: BalanceEntry;
  exchanges: BalanceEntry;
  byField: ({ field: CreativeField } & BalanceEntry)[];
  byYear: ({ year: number } & BalanceEntry)[];
  regions: ({ region: Region; links: { region: Region; projects: number; exchanges: number }[] } & BalanceEntry)[];
}

export interface NetworkStats {
  cities: Counts;
  projects: Counts;
  practices: Counts;
  exchanges: Counts;
  balance: Balance;
}

const PROJECT_STATUSES = ['proposed', 'active', 'completed', 'cancelled'];
const PRACTICE_STATUSES = ['published', 'hidden'];
const EXCHANGE_STATUSES = ['requested', 'accepted', 'declined', 'cancelled', 'completed'];

/** A tally of one kind of thing. */
class Tally {
  total = 0;
  private readonly fields = new Map<CreativeField, number>();
  private readonly regions = new Map<Region, number>();
  private readonly statuses = new Map<string, number>();
  private readonly sdgs = new Map<Sdg, number>();
  private readonly months = new Map<string, number>();

  constructor(
    private readonly statusIds: readonly string[],
    private readonly withSdgs: boolean,
  ) {}

  add(n: number, what: { fields?: Iterable<CreativeField>; regions?: Iterable<Region>; sdgs?: Iterable<Sdg>; month?: string }): void {
    this.total += n;
    for (const f of new Set(what.fields ?? [])) bump(this.fields, f, n);
    for (const r of new Set(what.regions ?? [])) bump(this.regions, r, n);
    for (const s of new Set(what.sdgs ?? [])) bump(this.sdgs, s, n);
    if (what.month) bump(this.months, what.month, n);
  }

  status(status: string, n: number): void {
    bump(this.statuses, status, n);
  }

  counts(): Counts {
    return {
      total: this.total,
      byField: CREATIVE_FIELD_IDS.map((field) => ({ field, count: this.fields.get(field) ?? 0 })),
      byRegion: REGION_IDS.map((region) => ({ region, count: this.regions.get(region) ?? 0 })),
      byStatus: this.statusIds.map((status) => ({ status, count: this.statuses.get(status) ?? 0 })),
      bySdg: this.withSdgs ? SDG_IDS.map((sdg) => ({ sdg, count: this.sdgs.get(sdg) ?? 0 })) : [],
      byMonth: [...this.months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, count]) => ({ month, count })),
    };
  }
}

function bump<K>(map: Map<K, number>, key: K, n = 1): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

export function networkStats(
  cities: readonly CityFact[],
  projects: readonly ProjectFact[],
  practices: readonly PracticeGroup[],
  exchanges: readonly ExchangeFact[],
): NetworkStats {
  const cityById = new Map(cities.map((c) => [c.id, c]));
  const regionsOf = (ids: readonly string[]) => ids.map((id) => cityById.get(id)?.region).filter((r): r is Region => r !== undefined);

  const c = new Tally([], false);
  for (const city of cities) c.add(1, { fields: [city.field], regions: [city.region], month: city.month });

  const p = new Tally(PROJECT_STATUSES, true);
  for (const project of projects) {
    p.add(1, { fields: project.fields, regions: regionsOf(membersOf(project)), sdgs: project.sdgs, month: project.month });
    p.status(project.status, 1);
  }

  const pr = new Tally(PRACTICE_STATUSES, true);
  for (const group of practices) {
    pr.status(group.status, group.count);
    if (group.status !== 'published') continue;
    pr.add(group.count, { fields: [group.field], regions: regionsOf([group.authorCityId]), sdgs: group.sdgs, month: group.month });
  }

  const x = new Tally(EXCHANGE_STATUSES, true);
  for (const exchange of exchanges) {
    x.add(1, {
      fields: exchange.field ? [exchange.field] : [],
      regions: regionsOf([exchange.hostCityId, exchange.requesterCityId]),
      sdgs: exchange.sdgs,
      month: exchange.month,
    });
    x.status(exchange.status, 1);
  }

  return {
    cities: c.counts(),
    projects: p.counts(),
    practices: pr.counts(),
    exchanges: x.counts(),
    balance: geographicBalance(cityById, projects, exchanges),
  };
}

/** One collaboration: a shared project or a completed exchange, with its members' regions. */
interface Collaboration {
  kind: 'project' | 'exchange';
  regions: Set<Region>;
  fields: CreativeField[];
  year: number;
}

/**
 * Geographic balance. A collaboration is a shared project (the lead and at least one accepted
 * partner now, whatever its status) or a completed exchange; it crosses regions when its cities are
 * in more than one region. Counted per field (a project under each of its fields, an exchange under
 * its practice's), per year (a project's proposal, an exchange's completion) and per region (those
 * with a city in it), and each pair of regions it links counts one link of its kind.
 */
export function geographicBalance(
  cityById: ReadonlyMap<string, CityFact>,
  projects: readonly ProjectFact[],
  exchanges: readonly ExchangeFact[],
): Balance {
  const regionsOf = (ids: readonly string[]) => new Set(ids.map((id) => cityById.get(id)?.region).filter((r): r is Region => r !== undefined));
  const collaborations: Collaboration[] = [
    ...projects
      .filter((p) => membersOf(p).length >= 2)
      .map((p): Collaboration => ({ kind: 'project', regions: regionsOf(membersOf(p)), fields: p.fields, year: Number(p.month.slice(0, 4)) })),
    ...exchanges
      .filter((e) => e.status === 'completed')
      .map((e): Collaboration => ({
        kind: 'exchange',
        regions: regionsOf([e.hostCityId, e.requesterCityId]),
        fields: e.field ? [e.field] : [],
        year: Number((e.completedMonth ?? e.month).slice(0, 4)),
      })),
  ];
  const crosses = (c: Collaboration) => c.regions.size > 1;
  const entry = (list: readonly Collaboration[]): BalanceEntry => {
    const cross = list.filter(crosses).length;
    return { collaborations: list.length, crossRegion: cross, share: list.length === 0 ? 0 : Math.round((cross / list.length) * 10_000) / 10_000 };
  };

  const years = [...new Set(collaborations.map((c) => c.year))].sort((a, b) => a - b);
  const links = new Map<string, { projects: number; exchanges: number }>();
  for (const c of collaborations) {
    const regions = [...c.regions];
    for (const a of regions)
      for (const b of regions) {
        if (a === b) continue;
        const link = links.get(`${a}|${b}`) ?? { projects: 0, exchanges: 0 };
        link[c.kind === 'project' ? 'projects' : 'exchanges'] += 1;
        links.set(`${a}|${b}`, link);
      }
  }

  return {
    ...entry(collaborations),
    projects: entry(collaborations.filter((c) => c.kind === 'project')),
    exchanges: entry(collaborations.filter((c) => c.kind === 'exchange')),
    byField: CREATIVE_FIELD_IDS.map((field) => ({ field, ...entry(collaborations.filter((c) => c.fields.includes(field))) })),
    byYear: years.map((year) => ({ year, ...entry(collaborations.filter((c) => c.year === year)) })),
    regions: REGION_IDS.map((region) => ({
      region,
      ...entry(collaborations.filter((c) => c.regions.has(region))),
      links: REGION_IDS.filter((other) => other !== region).map((other) => ({
        region: other,
        ...(links.get(`${region}|${other}`) ?? { projects: 0, exchanges: 0 }),
      })),
    })),
  };
}
