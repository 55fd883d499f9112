import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { pagesOf, useAuditLog } from './admin-api';
import { auditFiltersOf, auditQueryOf, auditSearchOf, hasAuditFilters, type AuditFilters } from './audit-filters';
import { AuditEntryItem } from './AuditEntryItem';
import { Pager } from '../../ui/Pager';

/** /admin/audit-log: every write an admin made, newest first, filtered by who, what and when (kept in the address). */
export function AuditLogPage() {
  const { t } = useTranslation('admin');
  const { number } = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = auditFiltersOf(params);
  const log = useAuditLog(auditQueryOf(filters));
  const search = params.toString();
  // The form's draft; it restarts from the address whenever the address changes (Back, a link).
  const [draft, setDraft] = useState<{ search: string; values: AuditFilters }>({ search, values: filters });
  const values = draft.search === search ? draft.values : filters;
  if (draft.search !== search) setDraft({ search, values: filters });
  const set = (key: keyof AuditFilters, value: string) => setDraft({ search, values: { ...values, [key]: value } });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/admin/audit-log${auditSearchOf({ ...values, page: 1 })}`);
  };

  return (
    <section className="page">
      <PageHeading>{t('audit.title')}</PageHeading>
      <p>{t('audit.intro')}</p>
      <form className="admin-filters" onSubmit={apply} aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.actor')}</label>
          <input id="audit-actor" type="text" value={values.actor} onChange={(e) => set('actor', e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <input
            id="audit-action"
            type="text"
            value={values.action}
            onChange={(e) => set('action', e.target.value)}
            autoComplete="off"
            aria-describedby="audit-action-hint"
          />
          <p id="audit-action-hint" className="field-hint">
            {t('audit.actionHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input id="audit-from" type="date" value={values.from} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input id="audit-to" type="date" value={values.to} onChange={(e) => set('to', e.target.value)} />
        </div>
        <div className="admin-filter-actions">
          <Button type="submit">{t('audit.apply')}</Button>
          {hasAuditFilters(filters) && (
            <Button variant="secondary" onClick={() => navigate('/admin/audit-log')}>
              {t('audit.clear')}
            </Button>
          )}
        </div>
      </form>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <div className="notice notice-error" role="alert">
          <p>{t('common:ui.loadFailed')}</p>
          <Button variant="secondary" onClick={() => void log.refetch()}>
            {t('common:ui.retry')}
          </Button>
        </div>
      ) : log.data.items.length === 0 ? (
        <p className="empty">{hasAuditFilters(filters) ? t('audit.emptyFiltered') : t('audit.empty')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('audit.count', { count: log.data.total, formatted: number(log.data.total) })}
          </p>
          <ul className="item-list" aria-label={t('audit.listLabel')}>
            {log.data.items.map((entry) => (
              <AuditEntryItem key={entry.id} entry={entry} />
            ))}
          </ul>
          <Pager
            page={filters.page}
            pages={pagesOf(log.data.total, log.data.limit)}
            hrefOf={(p) => `/admin/audit-log${auditSearchOf({ ...filters, page: p })}`}
          />
        </>
      )}
    </section>
  );
}
