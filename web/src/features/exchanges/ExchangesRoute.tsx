import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useExchangeList } from './exchange-api';
import { exchangeFiltersFrom, exchangeHref, exchangeQueryOf, ROLES, STATUSES, type ExchangeFilters } from './exchange-filters';
import { ExchangeCard } from './ExchangeCard';
import { Pager } from '../../ui/Pager';
import { useLiveExchanges } from './useLiveExchanges';

/** /exchanges: the city's exchanges as host or as requester, with what it may do on each. */
export function ExchangesRoute() {
  const { t } = useTranslation('exchanges');
  const user = useSession()?.user;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = exchangeFiltersFrom(params, !!user?.cityId);
  const list = useExchangeList(exchangeQueryOf(filters));
  const [status, setStatus] = useState(filters.status);
  useEffect(() => setStatus(filters.status), [filters.status]); // the address changed elsewhere (Back)
  useLiveExchanges();
  if (!user) return null;

  const applyStatus = (event: FormEvent) => {
    event.preventDefault();
    navigate(exchangeHref({ ...filters, status: status as ExchangeFilters['status'], page: 1 }));
  };
  const empty = filters.status ? 'emptyStatus' : filters.role === 'requester' ? 'emptyRequester' : filters.role === 'host' ? 'emptyHost' : 'emptyAll';

  return (
    <section className="page">
      <PageHeading>{t('title')}</PageHeading>
      <p className="muted">{t('intro')}</p>
      {user.cityId && (
        <nav className="side-switch" aria-label={t('sides.label')}>
          {ROLES.map((role) => (
            <Link key={role} to={exchangeHref({ role, status: filters.status, page: 1 })} aria-current={filters.role === role ? 'page' : undefined}>
              {t(`sides.${role}`)}
            </Link>
          ))}
        </nav>
      )}
      <form className="status-filter" onSubmit={applyStatus}>
        <div className="field">
          <label htmlFor="exchange-status">{t('statusFilter')}</label>
          <select id="exchange-status" value={status} onChange={(e) => setStatus(e.target.value as ExchangeFilters['status'])}>
            <option value="">{t('anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          {t('show')}
        </Button>
      </form>

      {list.isPending && <Loading />}
      {list.isError && (
        <p className="notice notice-error">
          {t('common:ui.loadFailed')}{' '}
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common:ui.retry')}
          </Button>
        </p>
      )}
      {list.data && (
        <>
          <p role="status" className="muted">
            {t('count', { count: list.data.total })}
          </p>
          {list.data.total === 0 && (
            <p className="empty">
              {t(empty)} {empty === 'emptyHost' ? <Link to="/practices/new">{t('toShare')}</Link> : <Link to="/practices">{t('toLibrary')}</Link>}
            </p>
          )}
          <ul className="item-list" aria-label={filters.role ? t(`sides.${filters.role}`) : t('title')}>
            {list.data.items.map((exchange) => (
              <ExchangeCard key={exchange.id} exchange={exchange} user={user} />
            ))}
          </ul>
          <Pager
            label={t('pager.label')}
            page={filters.page}
            pages={Math.max(1, Math.ceil(list.data.total / list.data.limit))}
            hrefOf={(page) => exchangeHref({ ...filters, page })}
          />
        </>
      )}
    </section>
  );
}
