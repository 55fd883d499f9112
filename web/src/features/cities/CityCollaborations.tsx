import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldBadge } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { useAllCities, useCollaborations, type City } from './city-queries';
import { partnersOnMap } from './collaboration-partners';

const ArcsMap = lazy(() => import('./map/ArcsMap'));

/** Who the city has worked with and on what: a small map of arcs, and the same as a list (its text alternative). */
export function CityCollaborations({ city }: { city: City }) {
  const { t } = useTranslation('cities');
  const collaborations = useCollaborations(city.id);
  const all = useAllCities();
  const partners = useMemo(() => partnersOnMap(collaborations.data ?? [], all.data ?? []), [collaborations.data, all.data]);
  const items = collaborations.data ?? [];
  return (
    <section aria-labelledby="city-collaborations" className="panel">
      <h2 id="city-collaborations">{t('collaborations.title')}</h2>
      {collaborations.isPending && <Loading />}
      {collaborations.isError && <p className="notice notice-error">{t('common:ui.loadFailed')}</p>}
      {collaborations.data && items.length === 0 && (
        <p className="empty">
          {t('collaborations.empty', { city: city.name })} <Link to="/projects">{t('projects.browse')}</Link>
        </p>
      )}
      {items.length > 0 && (
        <div className="collaborations">
          {city.location && partners.onMap.length > 0 && (
            <figure className="map-figure arcs-figure" aria-labelledby="arcs-map-caption">
              <figcaption id="arcs-map-caption">
                {t('collaborations.caption', { count: partners.onMap.length, city: city.name })}
                {partners.offMap > 0 && ` ${t('map.unlocated', { count: partners.offMap })}`}
              </figcaption>
              <Suspense fallback={<Loading />}>
                <ArcsMap
                  centre={city}
                  label={t('collaborations.mapLabel', { city: city.name })}
                  centreName={t('collaborations.home', { city: city.name })}
                  partners={partners.onMap.map((p) => ({ ...p, name: t('collaborations.arc', { name: p.city.name, count: p.weight }) }))}
                />
              </Suspense>
            </figure>
          )}
          <ul className="item-list" aria-label={t('collaborations.listLabel', { city: city.name })}>
            {items.map(({ city: partner, projects, exchanges }) => (
              <li key={partner.id} className="item">
                <p className="item-title">
                  <Link to={`/cities/${encodeURIComponent(partner.id)}`}>{partner.name}</Link> <FieldBadge field={partner.field} />
                </p>
                {projects.length > 0 && (
                  <p>
                    {t('collaborations.projects')}{' '}
                    {projects.map((p, i) => (
                      <span key={p.id}>
                        {i > 0 && ', '}
                        <Link to={`/projects/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                      </span>
                    ))}
                  </p>
                )}
                {exchanges.length > 0 && (
                  <p>
                    {t('collaborations.exchanges')} {exchanges.map((e) => e.title).join(', ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
