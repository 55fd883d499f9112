import { describe, expect, it } from 'vitest';
import type { City, Collaboration } from './city-queries';
import { partnersOnMap } from './collaboration-partners';

const city = (id: string, name: string, location: City['location']): City =>
  ({ id, name, location, field: 'music', country: 'ES', region: 'europe-north-america' }) as City;
const collaboration = (c: City, projects: number, exchanges = 0): Collaboration => ({
  city: { id: c.id, name: c.name, country: c.country, field: c.field },
  projects: Array.from({ length: projects }, (_, i) => ({ id: `p${i}`, title: `P${i}` })),
  exchanges: Array.from({ length: exchanges }, (_, i) => ({ id: `e${i}`, title: `E${i}` })),
});

describe('partnersOnMap: a city page’s collaboration arcs', () => {
  const bilbao = city('b', 'Bilbao', { lat: 43.26, lng: -2.93 });
  const granada = city('g', 'Granada', { lat: 37.18, lng: -3.6 });
  const nowhere = city('n', 'Nowhere', null);

  it('gives each partner with a location its location and weight (projects + exchanges), heaviest first', () => {
    const { onMap, offMap } = partnersOnMap([collaboration(granada, 1), collaboration(bilbao, 1, 2)], [bilbao, granada]);
    expect(onMap.map((p) => [p.city.name, p.weight])).toEqual([
      ['Bilbao', 3],
      ['Granada', 1],
    ]);
    expect(offMap).toBe(0);
  });

  it('counts apart the partners without a location or unknown to the directory (the list still names them)', () => {
    const unknown = city('u', 'Unknown', { lat: 0, lng: 0 });
    const { onMap, offMap } = partnersOnMap([collaboration(nowhere, 1), collaboration(unknown, 1), collaboration(bilbao, 1)], [bilbao, nowhere]);
    expect(onMap.map((p) => p.city.name)).toEqual(['Bilbao']);
    expect(offMap).toBe(2);
  });
});
