import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationHref } from '../../live/notification-link';
import { RelativeTime } from '../../ui/RelativeTime';
import { useRecentActivity } from './home-queries';

/**
 * The city's activity as it happens: its latest notifications, refreshed live as each arrives (the
 * toast announces it; this list is not a live region, so it is not read twice).
 */
export function ActivityFeed() {
  const { t } = useTranslation('home');
  const headingId = useId();
  const activity = useRecentActivity();
  const items = activity.data?.items;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('activity.title')}</h2>
      {items?.length === 0 && <p className="empty">{t('activity.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="item-list">
          {items.map((item) => (
            <li key={item.id} className="item">
              <p className="item-title">
                <Link to={notificationHref(item.link)}>{item.title}</Link>
                {!item.readAt && <span className="home-new"> {t('activity.unread')}</span>}
              </p>
              <p>{item.body}</p>
              <p className="item-meta">
                <RelativeTime iso={item.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/inbox">{t('activity.inbox')}</Link>
      </p>
    </section>
  );
}
