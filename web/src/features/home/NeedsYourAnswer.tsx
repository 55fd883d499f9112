import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { NOTIFICATIONS_KEY, useUnreadNotifications } from '../../live/notification-queries';
import { notificationHref } from '../../live/notification-link';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { RelativeTime } from '../../ui/RelativeTime';

/**
 * "Needs your answer", first version: the city's unread inbox items (live: a new notification
 * refreshes this list), each opening its item, with "Mark as read". The answers themselves
 * (accept, decline, approve, host) come with the projects and exchanges pages.
 */
export function NeedsYourAnswer() {
  const { t } = useTranslation('home');
  const unread = useUnreadNotifications();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });

  return (
    <section aria-labelledby="needs-answer" className="panel">
      <h2 id="needs-answer">{t('needsAnswer')}</h2>
      <p className="muted">{t('needsAnswerIntro')}</p>
      {unread.isPending && <Loading />}
      {unread.isError && (
        <p className="notice notice-error">
          {t('common:ui.loadFailed')}{' '}
          <Button variant="secondary" onClick={() => void unread.refetch()}>
            {t('common:ui.retry')}
          </Button>
        </p>
      )}
      {unread.data && unread.data.items.length === 0 && <p className="empty">{t('empty')}</p>}
      {markRead.isError && <p className="notice notice-error">{t('markFailed')}</p>}
      {unread.data && unread.data.items.length > 0 && (
        <ul className="item-list">
          {unread.data.items.map((item) => (
            <li key={item.id} className="item">
              <p className="item-title">
                <Link to={notificationHref(item.link)}>{item.title}</Link>
              </p>
              <p>{item.body}</p>
              <p className="item-meta">
                <RelativeTime iso={item.createdAt} />
                <Button variant="secondary" busy={markRead.isPending && markRead.variables === item.id} onClick={() => markRead.mutate(item.id)}>
                  {t('markRead')}
                  <span className="visually-hidden">: {item.title}</span>
                </Button>
              </p>
            </li>
          ))}
        </ul>
      )}
      {unread.data && unread.data.total > unread.data.items.length && (
        <p>
          <Link to="/inbox">{t('more', { count: unread.data.total - unread.data.items.length })}</Link>
        </p>
      )}
    </section>
  );
}
