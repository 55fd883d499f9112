import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { FieldBadge } from '../../ui/FieldBadge';
import type { City } from './city-queries';
import { languageName } from './language-names';

/** A city's registration and profile as a description list (field with its colour and name). */
export function CityProfile({ city, countryName, regionName }: { city: City; countryName: string; regionName: string }) {
  const { t } = useTranslation('cities');
  const format = useFormat();
  return (
    <section aria-labelledby="city-profile" className="panel">
      <h2 id="city-profile">{t('city.profile')}</h2>
      {city.description ? <p className="city-description">{city.description}</p> : <p className="empty">{t('city.noDescription')}</p>}
      <dl className="city-facts">
        <dt>{t('filters.field')}</dt>
        <dd>
          <FieldBadge field={city.field} />
        </dd>
        <dt>{t('filters.country')}</dt>
        <dd>{countryName}</dd>
        <dt>{t('filters.region')}</dt>
        <dd>{regionName}</dd>
        <dt>{t('city.designated')}</dt>
        <dd>{city.designationYear}</dd>
        {city.languages.length > 0 && (
          <>
            <dt>{t('city.languages')}</dt>
            <dd>{city.languages.map((code) => languageName(code, format.language)).join(', ')}</dd>
          </>
        )}
        {city.website && (
          <>
            <dt>{t('city.website')}</dt>
            <dd>
              <a href={city.website} rel="noopener noreferrer" target="_blank">
                {city.website}
                <span className="visually-hidden"> ({t('city.newTab')})</span>
              </a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
