import { useMemo } from 'react';
import { Link } from 'react-router';
import type { City } from '../city-queries';
import { MapBase } from './MapBase';
import { useMapSize } from './useMapSize';
import { arcPath, mapProjection, placePoints } from './projection';

/** Closer than the directory: partners are often a few hundred kilometres apart. */
const MIN_SPAN = { lng: 10, lat: 6 };
/** Up to this many partners, their names stay written on the map (more would overlap). */
const FEW = 8;

export interface ArcPartner {
  city: City;
  /** Shared projects and exchanges: the arc's width. */
  weight: number;
  name: string;
}

export interface ArcsMapProps {
  centre: City;
  partners: ArcPartner[];
  label: string;
  centreName: string;
}

/**
 * A city's collaborations as arcs from it to each partner city with a location,
 * thicker for more shared work. The list beside it says the same in words.
 */
export default function ArcsMap({ centre, partners, label, centreName }: ArcsMapProps) {
  const { ref, size } = useMapSize(360 / 640, 640);
  const located = useMemo(() => partners.filter((p) => p.city.location), [partners]);
  const projection = useMemo(
    () =>
      mapProjection(
        size,
        [centre.location, ...located.map((p) => p.city.location)].filter((l) => !!l),
        { minSpan: MIN_SPAN },
      ),
    [centre, located, size.width, size.height],
  );
  const points = useMemo(() => placePoints(located, (p) => p.city.location, projection), [located, projection]);
  const [home] = useMemo(() => placePoints([centre], (c) => c.location, projection), [centre, projection]);
  return (
    <svg
      className={points.length <= FEW ? 'world-map arcs-map arcs-map-few' : 'world-map arcs-map'}
      ref={ref}
      width={size.width}
      height={size.height}
      viewBox={`0 0 ${size.width} ${size.height}`}
      role="group"
      aria-label={label}
    >
      <MapBase projection={projection} />
      <g aria-hidden="true">
        {home &&
          points.map(({ item: partner, x, y }) => (
            <path key={partner.city.id} className="map-arc" d={arcPath(home, { x, y })} strokeWidth={Math.min(2 + partner.weight, 8)} />
          ))}
      </g>
      {points.map(({ item: partner, x, y }) => (
        <Link
          key={partner.city.id}
          to={`/cities/${encodeURIComponent(partner.city.id)}`}
          className={`map-point field-${partner.city.field}`}
          aria-label={partner.name}
        >
          <title>{partner.name}</title>
          <circle className="map-point-hit" cx={x} cy={y} r={14} />
          <circle className="map-point-dot" cx={x} cy={y} r={7} />
          <text className="map-point-label" x={x + 11} y={y + 5} aria-hidden="true">
            {partner.city.name}
          </text>
        </Link>
      ))}
      {home && (
        <g className={`map-home field-${centre.field}`} role="img" aria-label={centreName}>
          <title>{centreName}</title>
          <rect x={home.x - 8} y={home.y - 8} width={16} height={16} />
          <text className="map-home-label" x={home.x} y={home.y - 14} textAnchor="middle" aria-hidden="true">
            {centre.name}
          </text>
        </g>
      )}
    </svg>
  );
}
