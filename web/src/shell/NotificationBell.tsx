import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format';
import { useUnreadCount } from '../live/notification-queries';

/** The bell: opens the inbox; its badge is the live unread count, and its name says it too. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const count = useUnreadCount().data ?? 0;
  return (
    <Link to="/inbox" className="bell" aria-label={t('bell.label', { count })}>
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="badge" aria-hidden="true">
          {count > 99 ? '99+' : format.number(count)}
        </span>
      )}
    </Link>
  );
}
