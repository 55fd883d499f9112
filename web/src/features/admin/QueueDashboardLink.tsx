import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/useSession';

/**
 * The queue dashboard is served by the API outside this app: a plain link (not the router's), which
 * signs it in with the admin's access token (?token=; the board then keeps it in its own cookie).
 */
export function QueueDashboardLink() {
  const { t } = useTranslation('admin');
  const token = useSession()?.token;
  if (!token) return null;
  return (
    <p>
      <a href={`/admin/queues?token=${encodeURIComponent(token)}`}>{t('queues.link')}</a>
      <br />
      <span className="muted">{t('queues.hint')}</span>
    </p>
  );
}
