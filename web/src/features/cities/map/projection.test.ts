import { describe, expect, it } from 'vitest';
import { frameAround, isInside, mapProjection, placePoints, type LatLng } from './projection';

const size = { width: 960, height: 500 };
const sevilla = { name: 'Sevilla', location: { lat: 37.3891, lng: -5.9845 } };
const barcelona = { name: 'Barcelona', location: { lat: 41.3874, lng: 2.1686 } };
const bilbao = { name: 'Bilbao', location: { lat: 43.263, lng: -2.935 } };
const nowhere = { name: 'Nowhere', location: null };
const at = (c: { location: LatLng | null }) => c.location;

describe('map projection: cities as points', () => {
  it('places every city that has a location, inside the map, west to the left and north to the top', () => {
    const projection = mapProjection(size, [sevilla.location, barcelona.location, bilbao.location]);
    const points = placePoints([sevilla, barcelona, nowhere, bilbao], at, projection);
    expect(points.map((p) => p.item.name)).toEqual(['Sevilla', 'Barcelona', 'Bilbao']);
    for (const p of points) expect(isInside(p, size)).toBe(true);
    const [s, b, bi] = points;
    expect(s.x).toBeLessThan(b.x);
    expect(bi.y).toBeLessThan(s.y);
  });

  it('zoomed to nearby cities, keeps them apart (tens of pixels, not one blot)', () => {
    const projection = mapProjection(size, [sevilla.location, barcelona.location]);
    const [s, b] = placePoints([sevilla, barcelona], at, projection);
    expect(Math.hypot(b.x - s.x, b.y - s.y)).toBeGreaterThan(100);
  });

  it('frames the whole world when asked, or when there is nothing to focus on', () => {
    for (const projection of [mapProjection(size, null), mapProjection(size, [])]) {
      const [s, b] = placePoints([sevilla, barcelona], at, projection);
      expect(Math.hypot(b.x - s.x, b.y - s.y)).toBeLessThan(40);
      const antipodes = placePoints([{ location: { lat: -40, lng: 175 } }, { location: { lat: 60, lng: -170 } }], at, projection);
      for (const p of antipodes) expect(isInside(p, size)).toBe(true);
    }
  });

  it('a single city gets a frame of at least the minimum span around it', () => {
    const frame = frameAround([sevilla.location]) as { coordinates: number[][] };
    const lngs = frame.coordinates.map((c) => c[0]);
    expect(Math.max(...lngs) - Math.min(...lngs)).toBeGreaterThanOrEqual(24);
    expect(
      frameAround([
        { lat: 0, lng: -170 },
        { lat: 0, lng: 170 },
      ]),
    ).toBeNull();
  });
});
