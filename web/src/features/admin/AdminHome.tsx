import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { ADMIN_SECTIONS } from './AdminNav';
import { QueueDashboardLink } from './QueueDashboardLink';

/** /admin: what the secretariat can do here, one line each, and the queue dashboard. */
export function AdminHome() {
  const { t } = useTranslation('admin');
  return (
    <section className="page">
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <ul className="item-list">
        {ADMIN_SECTIONS.map((s) => (
          <li key={s} className="item">
            <p className="item-title">
              <Link to={`/admin/${s}`}>{t(`nav.${s}`)}</Link>
            </p>
            <p className="muted">{t(`overview.${s}`)}</p>
          </li>
        ))}
        <li className="item">
          <p className="item-title">
            <Link to="/webhooks">{t('webhooks.title')}</Link>
          </p>
          <p className="muted">{t('webhooks.overview')}</p>
        </li>
        <li className="item">
          <h2 className="admin-subheading">{t('queues.title')}</h2>
          <QueueDashboardLink />
        </li>
      </ul>
    </section>
  );
}
