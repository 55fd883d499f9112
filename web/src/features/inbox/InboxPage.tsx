import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/useSession';
import { useFormat } from '../../i18n/format';
import { useUnreadCount } from '../../live/notification-queries';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import type { Notification } from './inbox-cache';
import { useInbox, useMarkAllRead, useMarkRead } from './inbox-queries';
import { itemLinkId, NotificationItem } from './NotificationItem';

/**
 * /inbox: the city's notifications, newest first, live (a new one appears without a reload), with
 * mark read, read all and "only unread". Each action keeps the bell's count in step at once.
 */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const format = useFormat();
  const user = useSession()?.user;
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('show') === 'unread';
  const inbox = useInbox(unreadOnly);
  const unreadCount = useUnreadCount().data ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [said, setSaid] = useState('');
  const [focusAfterRead, setFocusAfterRead] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  // The "Mark as read" button leaves with the item's unread state: focus its title (or the list heading when the item left the list).
  useEffect(() => {
    if (!focusAfterRead) return;
    (document.getElementById(itemLinkId(focusAfterRead)) ?? listHeading.current)?.focus();
    setFocusAfterRead(null);
  }, [focusAfterRead, inbox.data]);

  if (!user?.cityId) {
    return (
      <section className="page">
        <PageHeading>{t('title')}</PageHeading>
        <p className="notice">{t('noCity')}</p>
      </section>
    );
  }

  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const total = inbox.data?.pages[0]?.total ?? 0;
  const onMarkRead = (item: Notification) =>
    markRead.mutate(item.id, {
      onSuccess: () => setSaid(t('said.read', { title: item.title })),
      onError: () => setSaid(t('said.failed')),
      onSettled: () => setFocusAfterRead(item.id),
    });
  const onOpen = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
  };
  const onMarkAll = () =>
    markAll.mutate(undefined, {
      onSuccess: (result) => setSaid(t('said.allRead', { count: result.updated, n: format.number(result.updated) })),
      onError: () => setSaid(t('said.failed')),
    });
  const show = (onlyUnread: boolean) => setParams(onlyUnread ? { show: 'unread' } : {}, { replace: true });

  return (
    <section className="page">
      <PageHeading>{t('title')}</PageHeading>
      <p className="inbox-tools">
        <span>{t('unreadCount', { count: unreadCount, n: format.number(unreadCount) })}</span>
        {unreadCount > 0 && (
          <Button variant="secondary" busy={markAll.isPending} onClick={onMarkAll}>
            {t('markAll')}
          </Button>
        )}
        <Link to="/inbox/preferences">{t('preferencesLink')}</Link>
      </p>
      <div className="inbox-show" role="group" aria-label={t('show.label')}>
        <button type="button" className="btn btn-secondary" aria-pressed={!unreadOnly} onClick={() => show(false)}>
          {t('show.all')}
        </button>
        <button type="button" className="btn btn-secondary" aria-pressed={unreadOnly} onClick={() => show(true)}>
          {t('show.unread')}
        </button>
      </div>
      <p role="status" className="inbox-said">
        {said}
      </p>
      <h2 ref={listHeading} tabIndex={-1} id="inbox-list-heading">
        {unreadOnly ? t('list.unread') : t('list.all')}
        {inbox.data && <span className="muted"> ({format.number(total)})</span>}
      </h2>
      {inbox.isPending && <Loading />}
      {inbox.isError && (
        <p className="notice notice-error">
          {t('common:ui.loadFailed')}{' '}
          <Button variant="secondary" onClick={() => void inbox.refetch()}>
            {t('common:ui.retry')}
          </Button>
        </p>
      )}
      {inbox.data && items.length === 0 && (
        <p className="empty">
          {unreadOnly ? t('empty.unread') : t('empty.all')} <Link to="/inbox/preferences">{t('preferencesLink')}</Link>
        </p>
      )}
      {items.length > 0 && (
        <ul className="item-list" aria-labelledby="inbox-list-heading">
          {items.map((item) => (
            <NotificationItem
              key={item.id}
              item={item}
              onOpen={onOpen}
              onMarkRead={onMarkRead}
              marking={markRead.isPending && markRead.variables === item.id}
            />
          ))}
        </ul>
      )}
      {inbox.hasNextPage && (
        <p>
          <Button variant="secondary" busy={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
            {t('older')}
          </Button>
        </p>
      )}
    </section>
  );
}
