import { useMemo } from 'react';
import { Link } from 'react-router';
import type { City } from '../city-queries';
import { MapBase } from './MapBase';
import { useMapSize } from './useMapSize';
import { mapProjection, placePoints } from './projection';

export interface PointsMapProps {
  cities: City[];
  /** Frame the cities shown (true) or the whole world. */
  zoomed: boolean;
  label: string;
  /** The accessible name and tooltip of a city's point (its name first, as in the list). */
  pointName: (city: City) => string;
}

/**
 * The directory's world map: one point per city with a location, in its field's colour, each a
 * link to the city's page (keyboard-focusable, named like the list entry). The list beside it is
 * the text alternative, so the map adds no information of its own.
 */
export default function PointsMap({ cities, zoomed, label, pointName }: PointsMapProps) {
  const { ref, size } = useMapSize(500 / 960, 960);
  const located = useMemo(() => cities.filter((c) => c.location), [cities]);
  const projection = useMemo(() => mapProjection(size, zoomed ? located.map((c) => c.location!) : null), [located, zoomed, size.width, size.height]);
  const points = useMemo(() => placePoints(located, (c) => c.location, projection), [located, projection]);
  return (
    <svg
      className="world-map"
      ref={ref}
      width={size.width}
      height={size.height}
      viewBox={`0 0 ${size.width} ${size.height}`}
      role="group"
      aria-label={label}
    >
      <MapBase projection={projection} />
      <g>
        {points.map(({ item: city, x, y }) => (
          <Link key={city.id} to={`/cities/${encodeURIComponent(city.id)}`} className={`map-point field-${city.field}`} aria-label={pointName(city)}>
            <title>{pointName(city)}</title>
            <circle className="map-point-hit" cx={x} cy={y} r={14} />
            <circle className="map-point-dot" cx={x} cy={y} r={7} />
            <text className="map-point-label" x={x + 11} y={y + 5} aria-hidden="true">
              {city.name}
            </text>
          </Link>
        ))}
      </g>
    </svg>
  );
}
