import { describe, expect, it } from 'vitest';
import { connectedNodes, degrees, namedEdges } from './graph-data';
import type { Graph } from './insight-api';

const node = (cityId: string, name: string) => ({ cityId, name, country: 'ES', field: 'music' as const, region: 'europe-north-america' as const });
const graph: Graph = {
  nodes: [node('a', 'Bilbao'), node('b', 'Valencia'), node('c', 'Llíria'), node('d', 'Alone')],
  edges: [
    { a: 'a', b: 'b', projects: 1, exchanges: 0 },
    { a: 'a', b: 'c', projects: 1, exchanges: 2 },
  ],
};

describe('graph data', () => {
  it('names edges and puts the strongest first', () => {
    expect(namedEdges(graph).map((e) => [e.nameA, e.nameB, e.weight])).toEqual([
      ['Bilbao', 'Llíria', 3],
      ['Bilbao', 'Valencia', 1],
    ]);
  });
  it('counts partners and leaves out cities without any', () => {
    expect(degrees(graph).get('a')).toBe(2);
    expect(connectedNodes(graph).map((n) => n.name)).toEqual(['Bilbao', 'Valencia', 'Llíria']);
  });
});
