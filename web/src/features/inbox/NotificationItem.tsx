import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationHref } from '../../live/notification-link';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import type { Notification } from './inbox-cache';

export const itemLinkId = (id: string) => `notification-${id}`;

export interface NotificationItemProps {
  item: Notification;
  onOpen: (item: Notification) => void;
  onMarkRead: (item: Notification) => void;
  marking: boolean;
}

/** One inbox item: its title opens what it is about (and marks it read); unread is said in words, not by weight alone. */
export function NotificationItem({ item, onOpen, onMarkRead, marking }: NotificationItemProps) {
  const { t } = useTranslation('inbox');
  const unread = !item.readAt;
  return (
    <li className={unread ? 'item inbox-item inbox-unread' : 'item inbox-item'}>
      <p className="item-title">
        {unread && <span className="inbox-new">{t('item.unread')}</span>}
        <Link id={itemLinkId(item.id)} to={notificationHref(item.link)} onClick={() => onOpen(item)}>
          {item.title}
        </Link>
      </p>
      <p>{item.body}</p>
      <p className="item-meta">
        <span>{t(`types.${item.type}`, { defaultValue: item.type })}</span>
        <RelativeTime iso={item.createdAt} />
        {unread && (
          // Named with its item (label in name: the visible words first), so a list of them can be told apart.
          <Button variant="secondary" busy={marking} onClick={() => onMarkRead(item)} aria-label={t('item.markReadNamed', { title: item.title })}>
            {t('item.markRead')}
          </Button>
        )}
      </p>
    </li>
  );
}
