import type { CreativeField, Region } from '../../shared/reference-data';
import { membersOf, type CityFact, type ExchangeFact, type ProjectFact } from './network-facts';

export interface GraphNode {
  cityId: string;
  name: string;
  country: string;
  field: CreativeField;
  region: Region;
  lat?: number;
  lng?: number;
}

/** Two cities (`a` < `b`) and how much they did together: shared projects now, completed exchanges. */
export interface GraphEdge {
  a: string;
  b: string;
  projects: number;
  exchanges: number;
}

export interface NetworkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphFilter {
  field?: CreativeField;
  region?: Region;
}

/**
 * `GET /network/graph`: the cities matching the filter (all without one), and the weighted edges
 * between two of them: a project counts for every pair of its current members (lead and accepted
 * partners), a completed exchange for its host and requester. A filter keeps the subgraph of the
 * matching cities (edges to other cities are left out), nodes by name, edges by `a` then `b`.
 */
export function networkGraph(
  cities: readonly CityFact[],
  projects: readonly ProjectFact[],
  exchanges: readonly ExchangeFact[],
  filter: GraphFilter,
): NetworkGraph {
  const kept = cities.filter((c) => (!filter.field || c.field === filter.field) && (!filter.region || c.region === filter.region));
  const ids = new Set(kept.map((c) => c.id));
  const edges = new Map<string, GraphEdge>();
  const link = (x: string, y: string, kind: 'projects' | 'exchanges') => {
    if (x === y || !ids.has(x) || !ids.has(y)) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const edge = edges.get(`${a}|${b}`) ?? { a, b, projects: 0, exchanges: 0 };
    edge[kind] += 1;
    edges.set(`${a}|${b}`, edge);
  };
  for (const project of projects) {
    const members = membersOf(project);
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) link(members[i], members[j], 'projects');
  }
  for (const exchange of exchanges) if (exchange.status === 'completed') link(exchange.hostCityId, exchange.requesterCityId, 'exchanges');

  const collator = new Intl.Collator('en');
  return {
    nodes: kept
      .map((c) => ({
        cityId: c.id,
        name: c.name,
        country: c.country,
        field: c.field,
        region: c.region,
        ...(c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : {}),
      }))
      .sort((x, y) => collator.compare(x.name, y.name) || (x.cityId < y.cityId ? -1 : 1)),
    edges: [...edges.values()].sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1)),
  };
}
