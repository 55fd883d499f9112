import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { Pager } from '../../ui/Pager';
import { RelativeTime } from '../../ui/RelativeTime';
import { pagesOf } from './admin-api';
import { MailView } from './MailView';

export type DevMail = components['schemas']['DevMailView'];
const PAGE_SIZE = 20;

/**
 * /admin/mailbox: the mails the platform sent while no SMTP server is set (development), newest
 * first, filtered by recipient; ?mail=<id> opens one below the list. So a newcomer can follow an
 * invitation or reset link without a mail server.
 */
export function MailboxPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const to = params.get('to') ?? '';
  const openId = params.get('mail');
  const [filter, setFilter] = useState(to);
  const mails = useQuery({
    queryKey: ['mailbox', to, page],
    queryFn: () => unwrap(api.GET('/api/v1/admin/mailbox', { params: { query: { page, limit: PAGE_SIZE, ...(to && { to }) } } })),
    placeholderData: (previous) => previous,
  });
  const opened = mails.data?.items.find((m) => m.id === openId);
  const reader = useRef<HTMLElement>(null);
  useEffect(() => {
    if (opened) reader.current?.focus();
  }, [opened?.id]);

  const hrefOf = (next: { page?: number; mail?: string | null }) => {
    const q = new URLSearchParams();
    if (to) q.set('to', to);
    if ((next.page ?? page) > 1) q.set('page', String(next.page ?? page));
    if (next.mail) q.set('mail', next.mail);
    const s = q.toString();
    return s ? `?${s}` : '?';
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(filter.trim() ? { to: filter.trim() } : {});
  };

  return (
    <section className="page">
      <PageHeading>{t('mailbox.title')}</PageHeading>
      <p>{t('mailbox.intro')}</p>
      <form onSubmit={search} className="form filters-inline" role="search" aria-label={t('mailbox.filter')}>
        <label htmlFor="mailbox-to">{t('mailbox.to')}</label>
        <input id="mailbox-to" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <Button type="submit" variant="secondary">
          {t('mailbox.search')}
        </Button>{' '}
        <Button variant="quiet" onClick={() => void mails.refetch()}>
          {t('mailbox.refresh')}
        </Button>
      </form>
      {!mails.data ? (
        mails.isError ? (
          <p className="notice notice-error">{t('common:ui.loadFailed')}</p>
        ) : (
          <Loading />
        )
      ) : mails.data.items.length === 0 ? (
        <p className="notice">{to ? t('mailbox.noneTo', { to }) : t('mailbox.empty')}</p>
      ) : (
        <>
          <ul className="item-list" aria-label={t('mailbox.list')}>
            {mails.data.items.map((m) => (
              <li key={m.id} className="item">
                <p className="item-title">
                  <Link to={hrefOf({ mail: m.id })} aria-current={m.id === openId ? 'true' : undefined}>
                    {m.subject}
                  </Link>
                </p>
                <p className="muted">
                  {t('mailbox.toWhom', { to: m.to })} · <RelativeTime iso={m.sentAt} />
                </p>
              </li>
            ))}
          </ul>
          <Pager page={page} pages={pagesOf(mails.data.total, PAGE_SIZE)} hrefOf={(p) => hrefOf({ page: p })} label={t('mailbox.pages')} />
        </>
      )}
      {opened && (
        <article ref={reader} tabIndex={-1} className="mail" aria-labelledby="mail-subject">
          <MailView mail={opened} />
          <p>
            <Link to={hrefOf({ mail: null })}>{t('mailbox.close')}</Link>
          </p>
        </article>
      )}
    </section>
  );
}
