import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { FieldBadge } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { useCityPractices, type City } from './city-queries';

/** The practices the city has shared, newest first, each linking to its page. */
export function CityPractices({ city }: { city: City }) {
  const { t } = useTranslation('cities');
  const format = useFormat();
  const practices = useCityPractices(city.id);
  return (
    <section aria-labelledby="city-practices" className="panel">
      <h2 id="city-practices">{t('practices.title')}</h2>
      {practices.isPending && <Loading />}
      {practices.isError && <p className="notice notice-error">{t('common:ui.loadFailed')}</p>}
      {practices.data?.items.length === 0 && (
        <p className="empty">
          {t('practices.empty', { city: city.name })} <Link to="/practices">{t('practices.browse')}</Link>
        </p>
      )}
      {!!practices.data?.items.length && (
        <ul className="item-list">
          {practices.data.items.map((practice) => (
            <li key={practice.id} className="item">
              <p className="item-title">
                <Link to={`/practices/${encodeURIComponent(practice.id)}`}>{practice.title}</Link>
              </p>
              <p>{practice.summary}</p>
              <p className="item-meta">
                <FieldBadge field={practice.field} />
                <span>{t('practices.endorsements', { count: practice.endorsementCount, n: format.number(practice.endorsementCount) })}</span>
                <span>{format.date(practice.createdAt)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {practices.data && practices.data.total > practices.data.items.length && (
        <p className="muted">{t('practices.more', { count: practices.data.total - practices.data.items.length })}</p>
      )}
    </section>
  );
}
