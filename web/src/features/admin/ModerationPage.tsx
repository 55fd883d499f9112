import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { pagesOf, useAllCities, useReports } from './admin-api';
import { Pager } from '../../ui/Pager';
import { ReportItem } from './ReportItem';

/** /admin/moderation: the reports cities sent, open ones first to act on; resolved ones to publish again. */
export function ModerationPage() {
  const { t } = useTranslation('admin');
  const { number } = useFormat();
  const [params] = useSearchParams();
  const status = params.get('status') === 'resolved' ? 'resolved' : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const reports = useReports(status, page);
  const cities = useAllCities();
  const cityName = (id: string | null) => (id && cities.data?.find((c) => c.id === id)?.name) || t('moderation.aCity');
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  // The acted-on item leaves the list: focus goes to what happened, not to the top of the page.
  const onDone = (message: string) => {
    setDone(message);
    requestAnimationFrame(() => doneRef.current?.focus());
  };
  const hrefOf = (p: number) => `/admin/moderation?status=${status}${p > 1 ? `&page=${p}` : ''}`;

  return (
    <section className="page">
      <PageHeading>{t('moderation.title')}</PageHeading>
      <p>{t('moderation.intro')}</p>
      <p ref={doneRef} tabIndex={-1} role="status" className={done ? 'notice' : 'visually-hidden'}>
        {done}
      </p>
      <nav className="admin-tabs" aria-label={t('moderation.which')}>
        <Link to="/admin/moderation" aria-current={status === 'open' ? 'page' : undefined}>
          {t('moderation.open')}
        </Link>
        <Link to="/admin/moderation?status=resolved" aria-current={status === 'resolved' ? 'page' : undefined}>
          {t('moderation.resolved')}
        </Link>
      </nav>
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <div className="notice notice-error" role="alert">
          <p>{t('common:ui.loadFailed')}</p>
          <Button variant="secondary" onClick={() => void reports.refetch()}>
            {t('common:ui.retry')}
          </Button>
        </div>
      ) : reports.data.items.length === 0 ? (
        <p className="empty">{t(`moderation.empty.${status}`)}</p>
      ) : (
        <>
          <p className="muted">{t('moderation.count', { count: reports.data.total, formatted: number(reports.data.total) })}</p>
          <ul className="item-list" aria-label={t(`moderation.list.${status}`)}>
            {reports.data.items.map((r) => (
              <ReportItem key={r.id} report={r} cityName={cityName} onDone={onDone} />
            ))}
          </ul>
          <Pager page={page} pages={pagesOf(reports.data.total, reports.data.limit)} hrefOf={hrefOf} />
        </>
      )}
    </section>
  );
}
