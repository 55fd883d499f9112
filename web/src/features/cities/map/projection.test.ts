import { describe, expect, it } from 'vitest';
import { arcPath, frameAround, isInside, mapProjection, placePoints, type LatLng } from './projection';

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

  it('draws an arc from one point to the other, bowed to its side', () => {
    expect(arcPath({ x: 0, y: 0 }, { x: 100, y: 0 })).toBe('M0,0Q50,20 100,0');
    expect(arcPath({ x: 10, y: 10 }, { x: 10, y: 10 })).toBe('M10,10Q10,10 10,10');
  });

  it('a narrower minimum span zooms closer (the collaboration map of nearby cities)', () => {
    const wide = placePoints([sevilla, barcelona], at, mapProjection(size, [sevilla.location, barcelona.location]));
    const close = placePoints([sevilla, barcelona], at, mapProjection(size, [sevilla.location, barcelona.location], { minSpan: { lng: 4, lat: 3 } }));
    const gap = (p: { x: number; y: number }[]) => Math.hypot(p[1].x - p[0].x, p[1].y - p[0].y);
    expect(gap(close)).toBeGreaterThan(gap(wide));
  });
});
