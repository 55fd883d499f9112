import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { Button } from '../../ui/Button';
import { FieldBadge } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { CityCollaborations } from './CityCollaborations';
import { CityPractices } from './CityPractices';
import { CityProfile } from './CityProfile';
import { CityProjects } from './CityProjects';
import { useCity, useMeta } from './city-queries';

/** /cities/:id: a city's profile, its projects, its practices and its collaborations (map of arcs and list). */
export function CityPage() {
  const { t } = useTranslation('cities');
  const id = useParams().id ?? '';
  const city = useCity(id);
  const { countryName, regionName } = useMeta();
  const back = (
    <p className="back-link">
      <Link to="/cities">{t('city.back')}</Link>
    </p>
  );

  if (city.isPending) return <Loading />;
  if (city.isError) {
    const missing = city.error instanceof ApiError && (city.error.status === 404 || city.error.status === 400);
    return (
      <section className="page">
        {back}
        <PageHeading>{missing ? t('city.notFound') : t('common:ui.loadFailed')}</PageHeading>
        {missing ? (
          <p>{t('city.notFoundBody')}</p>
        ) : (
          <Button variant="secondary" onClick={() => void city.refetch()}>
            {t('common:ui.retry')}
          </Button>
        )}
      </section>
    );
  }
  const data = city.data;
  return (
    <article className="page city-page">
      {back}
      <PageHeading>{data.name}</PageHeading>
      <p className="item-meta">
        <FieldBadge field={data.field} />
        <span>{countryName(data.country)}</span>
      </p>
      <CityProfile city={data} countryName={countryName(data.country)} regionName={regionName(data.region)} />
      <CityCollaborations city={data} />
      <CityProjects city={data} />
      <CityPractices city={data} />
    </article>
  );
}
