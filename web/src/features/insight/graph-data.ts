import type { Graph, GraphEdge, GraphNode } from './insight-api';

export interface NamedEdge extends GraphEdge {
  nameA: string;
  nameB: string;
  weight: number;
}

/** Edges with their cities' names and weight (shared projects + completed exchanges), strongest first, then by name. */
export function namedEdges(graph: Graph): NamedEdge[] {
  const names = new Map(graph.nodes.map((n) => [n.cityId, n.name]));
  return graph.edges
    .map((e) => ({ ...e, nameA: names.get(e.a) ?? e.a, nameB: names.get(e.b) ?? e.b, weight: e.projects + e.exchanges }))
    .sort((x, y) => y.weight - x.weight || x.nameA.localeCompare(y.nameA) || x.nameB.localeCompare(y.nameB));
}

/** Each city's number of partner cities (its degree), for the size of its dot and its name. */
export function degrees(graph: Graph): Map<string, number> {
  const degree = new Map<string, number>();
  for (const e of graph.edges) {
    degree.set(e.a, (degree.get(e.a) ?? 0) + 1);
    degree.set(e.b, (degree.get(e.b) ?? 0) + 1);
  }
  return degree;
}

/** The cities with at least one collaboration: the force layout draws only these (the others would float alone). */
export function connectedNodes(graph: Graph): GraphNode[] {
  const degree = degrees(graph);
  return graph.nodes.filter((n) => (degree.get(n.cityId) ?? 0) > 0);
}
