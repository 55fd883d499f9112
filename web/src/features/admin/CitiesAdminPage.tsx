import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../ui/Button';
import { FieldBadge } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useAllCities } from './admin-api';
import { DoneNotice } from './DoneNotice';

/** /admin/cities: every member city with a link to edit its profile; register one or import a CSV file. */
export function CitiesAdminPage() {
  const { t } = useTranslation('admin');
  const cities = useAllCities();
  const [q, setQ] = useState('');
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const shown = cities.data?.filter((c) => fold(c.name).includes(fold(q.trim()))) ?? [];

  return (
    <section className="page">
      <PageHeading>{t('cities.title')}</PageHeading>
      <DoneNotice />
      <p className="admin-actions">
        <Link className="btn btn-primary" to="/admin/cities/new">
          {t('cities.register')}
        </Link>
        <Link className="btn btn-secondary" to="/admin/cities/import">
          {t('cities.import')}
        </Link>
      </p>
      {cities.isPending ? (
        <Loading />
      ) : cities.isError ? (
        <div className="notice notice-error" role="alert">
          <p>{t('common:ui.loadFailed')}</p>
          <Button variant="secondary" onClick={() => void cities.refetch()}>
            {t('common:ui.retry')}
          </Button>
        </div>
      ) : cities.data.length === 0 ? (
        <p className="empty">{t('cities.empty')}</p>
      ) : (
        <>
          <div className="field admin-filter">
            <label htmlFor="admin-city-filter">{t('cities.filter')}</label>
            <input id="admin-city-filter" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          </div>
          <p className="muted" role="status">
            {t('cities.count', { count: shown.length })}
          </p>
          <ul className="item-list" aria-label={t('cities.listLabel')}>
            {shown.map((c) => (
              <li key={c.id} className="item admin-row">
                <div>
                  <p className="item-title">
                    {c.name} <span className="muted">({c.country})</span>
                  </p>
                  <FieldBadge field={c.field} />
                </div>
                <Link to={`/admin/cities/${encodeURIComponent(c.id)}/edit`}>
                  {t('cities.edit')}
                  <span className="visually-hidden"> {t('cities.editOf', { name: c.name })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
