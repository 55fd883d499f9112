import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Loading';
import type { City } from './city-queries';

// d3-geo and the world's shapes load with the map only, not with the first page.
const PointsMap = lazy(() => import('./map/PointsMap'));

/**
 * The map beside the list: zoomed to the cities shown (a country's cities stay apart), or the
 * whole world on request. The caption says how many are on it and which are in the list only.
 */
export function DirectoryMap({ cities, countryName }: { cities: City[]; countryName: (code: string) => string }) {
  const { t } = useTranslation('cities');
  const [zoomed, setZoomed] = useState(true);
  const unlocated = cities.filter((c) => !c.location).length;
  return (
    <figure className="map-figure" aria-labelledby="directory-map-caption">
      <figcaption id="directory-map-caption">
        {t('map.caption', { count: cities.length - unlocated })}
        {unlocated > 0 && ` ${t('map.unlocated', { count: unlocated })}`}
      </figcaption>
      <button type="button" className="btn btn-secondary map-toggle" aria-pressed={!zoomed} onClick={() => setZoomed(!zoomed)}>
        {t('map.world')}
      </button>
      <Suspense fallback={<Loading />}>
        <PointsMap
          cities={cities}
          zoomed={zoomed}
          label={t('map.label')}
          pointName={(city) => t('map.point', { name: city.name, field: t(`common:fields.${city.field}`), country: countryName(city.country) })}
        />
      </Suspense>
    </figure>
  );
}
