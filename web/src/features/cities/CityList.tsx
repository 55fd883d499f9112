import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldBadge } from '../../ui/FieldBadge';
import type { City } from './city-queries';

export interface CityListProps {
  cities: City[];
  countryName: (code: string) => string;
  regionName: (id: string) => string;
}

/** The directory's list: the map's text alternative, one entry per city, its name linking to its page. */
export function CityList({ cities, countryName, regionName }: CityListProps) {
  const { t } = useTranslation('cities');
  return (
    <ul className="item-list city-list" aria-label={t('list.label')}>
      {cities.map((city) => (
        <li key={city.id} className="item">
          <p className="item-title">
            <Link to={`/cities/${encodeURIComponent(city.id)}`}>{city.name}</Link>
          </p>
          <p className="item-meta">
            <FieldBadge field={city.field} />
            <span>{countryName(city.country)}</span>
            <span>{regionName(city.region)}</span>
            <span>{t('list.since', { year: city.designationYear })}</span>
            {!city.location && <span>{t('list.noLocation')}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
