import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { AuditEntry } from './admin-api';

/** One admin action: when, who, which route and what it answered. */
export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const { dateTime, number } = useFormat();
  const targets = Object.entries(entry.targets);
  const ok = entry.status < 400;
  return (
    <li className="item">
      <p className="item-title admin-wrap">
        <code className="admin-code">
          {entry.method} {entry.route}
        </code>
      </p>
      <p className="item-meta">
        {t('audit.by', { actor: entry.actor.email, date: dateTime(entry.at) })} ·{' '}
        <span className={ok ? 'admin-status' : 'admin-status admin-status-failed'}>
          {t(ok ? 'audit.succeeded' : 'audit.failed', { status: entry.status })}
        </span>
      </p>
      <dl className="admin-facts">
        <dt>{t('audit.operation')}</dt>
        <dd className="admin-wrap">{entry.action}</dd>
        {targets.length > 0 && (
          <>
            <dt>{t('audit.targets')}</dt>
            <dd className="admin-wrap">{targets.map(([k, v]) => `${k}: ${v}`).join(', ')}</dd>
          </>
        )}
        <dt>{t('audit.duration')}</dt>
        <dd>{t('audit.ms', { ms: number(entry.durationMs) })}</dd>
        <dt>{t('audit.requestId')}</dt>
        <dd className="admin-wrap">{entry.requestId}</dd>
      </dl>
    </li>
  );
}
