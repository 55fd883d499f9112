import { geoEqualEarth, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';

export interface LatLng {
  lat: number;
  lng: number;
}
export interface MapSize {
  width: number;
  height: number;
}
export interface PlacedPoint<T> {
  item: T;
  x: number;
  y: number;
}

/** Narrowest view when zoomed to the cities: a country's cities stay apart, yet their neighbours show. */
const MIN_SPAN = { lng: 24, lat: 14 };

export interface Span {
  lng: number;
  lat: number;
}

/**
 * The box the map frames around these points, at least MIN_SPAN wide, as a MultiPoint of its
 * corners and edge midpoints (the edges curve once projected). null: frame the whole world.
 */
export function frameAround(points: LatLng[], minSpan: Span = MIN_SPAN): GeoPermissibleObjects | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  let [west, east] = [Math.min(...lngs), Math.max(...lngs)];
  let [south, north] = [Math.min(...lats), Math.max(...lats)];
  if (east - west > 180) return null; // spread round the globe: show it all
  const grow = (lo: number, hi: number, min: number): [number, number] => {
    const pad = Math.max(0, (min - (hi - lo)) / 2) + (hi - lo) * 0.1;
    return [lo - pad, hi + pad];
  };
  [west, east] = grow(west, east, minSpan.lng);
  [south, north] = grow(south, north, minSpan.lat);
  [south, north] = [Math.max(south, -85), Math.min(north, 85)];
  const midLng = (west + east) / 2;
  const midLat = (south + north) / 2;
  return {
    type: 'MultiPoint',
    coordinates: [
      [west, south],
      [midLng, south],
      [east, south],
      [east, midLat],
      [east, north],
      [midLng, north],
      [west, north],
      [west, midLat],
    ],
  };
}

/**
 * Equal Earth (areas true to size, so no region looks bigger than it is), fitted into `size`:
 * to the whole world, or centred on and framing `focus` when given.
 */
export function mapProjection(
  size: MapSize,
  focus: LatLng[] | null,
  { padding = 16, minSpan = MIN_SPAN }: { padding?: number; minSpan?: Span } = {},
): GeoProjection {
  const extent: [[number, number], [number, number]] = [
    [padding, padding],
    [size.width - padding, size.height - padding],
  ];
  const frame = focus ? frameAround(focus, minSpan) : null;
  if (!frame) return geoEqualEarth().fitExtent(extent, { type: 'Sphere' });
  const lngs = focus!.map((p) => p.lng);
  const centre = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  return geoEqualEarth().rotate([-centre, 0]).fitExtent(extent, frame);
}

/** Each item that has a location, placed on the map (items without one are left out: the list shows them). */
export function placePoints<T>(items: T[], locationOf: (item: T) => LatLng | null | undefined, projection: GeoProjection): PlacedPoint<T>[] {
  const placed: PlacedPoint<T>[] = [];
  for (const item of items) {
    const location = locationOf(item);
    if (!location) continue;
    const xy = projection([location.lng, location.lat]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
    placed.push({ item, x: round(xy[0]), y: round(xy[1]) });
  }
  return placed;
}

export const isInside = (point: { x: number; y: number }, size: MapSize) =>
  point.x >= 0 && point.y >= 0 && point.x <= size.width && point.y <= size.height;

/**
 * An arc between two points on the map: a quadratic curve bowed to one side by a fifth of their
 * distance, so that arcs between nearby cities still read as arcs and two arcs from one city part.
 */
export function arcPath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  const control = { x: (from.x + to.x) / 2 - dy * 0.2, y: (from.y + to.y) / 2 + dx * 0.2 };
  return `M${round(from.x)},${round(from.y)}Q${round(control.x)},${round(control.y)} ${round(to.x)},${round(to.y)}`;
}

const round = (n: number) => Math.round(n * 10) / 10;
