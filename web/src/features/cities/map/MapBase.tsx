import { geoPath, type GeoProjection } from 'd3-geo';
import { useMemo } from 'react';
import { borders, countries } from './world';

/** The sea, the countries and their borders under a projection: decoration, hidden from assistive technology. */
export function MapBase({ projection }: { projection: GeoProjection }) {
  const paths = useMemo(() => {
    const path = geoPath(projection);
    return { sphere: path({ type: 'Sphere' }) ?? '', land: path(countries) ?? '', borders: path(borders) ?? '' };
  }, [projection]);
  return (
    <g aria-hidden="true">
      <path className="map-sea" d={paths.sphere} />
      <path className="map-land" d={paths.land} />
      <path className="map-borders" d={paths.borders} />
    </g>
  );
}
