import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCity, useCityNames } from '../../api/cities';
import { useFormat } from '../../i18n/format';
import { FieldBadge } from '../../ui/FieldBadge';
import { RelativeTime } from '../../ui/RelativeTime';
import { useFieldPractices } from './home-queries';

const SHOWN = 5;

/** "New in your field": the latest practices shared by the other cities of the city's creative field. */
export function NewInYourField({ cityId }: { cityId: string }) {
  const { t } = useTranslation('home');
  const format = useFormat();
  const headingId = useId();
  const field = useCity(cityId).data?.field;
  const practices = useFieldPractices(field);
  const cityName = useCityNames();
  const others = practices.data?.items.filter((p) => p.authorCityId !== cityId).slice(0, SHOWN);
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>
        {t('field.title')} {field && <FieldBadge field={field} />}
      </h2>
      {others?.length === 0 && (
        <p className="empty">
          {t('field.empty')} <Link to="/practices/new">{t('field.share')}</Link>
        </p>
      )}
      {others && others.length > 0 && (
        <ul className="item-list">
          {others.map((practice) => (
            <li key={practice.id} className="item">
              <p className="item-title">
                <Link to={`/practices/${practice.id}`}>{practice.title}</Link>
              </p>
              <p>{practice.summary}</p>
              <p className="item-meta">
                <span>{cityName(practice.authorCityId)}</span>
                <RelativeTime iso={practice.createdAt} />
                <span>{t('field.endorsements', { count: practice.endorsementCount, n: format.number(practice.endorsementCount) })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {field && (
        <p>
          <Link to={`/practices?field=${field}`}>{t('field.all')}</Link>
        </p>
      )}
    </section>
  );
}
