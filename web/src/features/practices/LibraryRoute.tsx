import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/useSession';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { apiQueryOf, filtersFrom, hasFilters, pageCount, paramsOf, type LibraryFilters as Filters } from './library-params';
import { LibraryFilters } from './LibraryFilters';
import { Pager } from '../../ui/Pager';
import { PracticeCard } from './PracticeCard';
import { usePracticeList } from './practice-api';

/** /practices: the library, searched and filtered through the address, a page at a time. */
export function LibraryRoute() {
  const { t } = useTranslation('practices');
  const format = useFormat();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const user = useSession()?.user;
  const filters = filtersFrom(params);
  const list = usePracticeList(apiQueryOf(filters));
  const hrefOf = (next: Partial<Filters>) => {
    const search = paramsOf({ ...filters, ...next }).toString();
    return search ? `/practices?${search}` : '/practices';
  };
  const canShare = !!user && (user.role === 'admin' || !!user.cityId);
  // Another page of results: the link pressed may be gone, so focus goes to the count above the list.
  const countRef = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(filters.page);
  useEffect(() => {
    if (shownPage.current === filters.page) return;
    shownPage.current = filters.page;
    countRef.current?.focus();
  }, [filters.page]);

  return (
    <section className="page">
      <div className="page-title-row">
        <PageHeading>{t('title')}</PageHeading>
        {canShare && (
          <Link className="btn btn-primary" to="/practices/new">
            {t('share.link')}
          </Link>
        )}
      </div>
      <p className="muted">{t('intro')}</p>
      <LibraryFilters filters={filters} onApply={(f) => navigate(hrefOf(f))} />

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
          <p ref={countRef} tabIndex={-1} role="status" className="result-count">
            {t('results', { count: list.data.total, formatted: format.number(list.data.total) })}
          </p>
          {list.data.total === 0 &&
            (hasFilters(filters) ? (
              <p className="empty">
                {t('emptyFiltered')} <Link to="/practices">{t('filters.clear')}</Link>
              </p>
            ) : (
              <p className="empty">
                {t('empty')} {canShare && <Link to="/practices/new">{t('share.first')}</Link>}
              </p>
            ))}
          <ul className="item-list" aria-label={t('listLabel')} aria-busy={list.isPlaceholderData || undefined}>
            {list.data.items.map((practice) => (
              <PracticeCard key={practice.id} practice={practice} />
            ))}
          </ul>
          <Pager
            label={t('pager.label')}
            page={filters.page}
            pages={pageCount(list.data.total, list.data.limit)}
            hrefOf={(page) => hrefOf({ page })}
          />
        </>
      )}
    </section>
  );
}
