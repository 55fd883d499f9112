import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { pagesOf, useDeadLetters, type DeadLetter } from './admin-api';
import { DeadLetterItem } from './DeadLetterItem';
import { Pager } from '../../ui/Pager';

const STATUSES: DeadLetter['status'][] = ['parked', 'retrying', 'delivered', 'skipped'];

/** /admin/dead-letters: events a consumer gave up on, to retry or skip; filtered by state in the address. */
export function DeadLettersPage() {
  const { t } = useTranslation('admin');
  const { number } = useFormat();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const letters = useDeadLetters(status, page);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const onDone = (message: string) => {
    setDone(message);
    requestAnimationFrame(() => doneRef.current?.focus());
  };
  const hrefOf = (p: number, s = status) => {
    const q = new URLSearchParams();
    if (s) q.set('status', s);
    if (p > 1) q.set('page', String(p));
    const search = q.toString();
    return `/admin/dead-letters${search ? `?${search}` : ''}`;
  };

  return (
    <section className="page">
      <PageHeading>{t('deadLetters.title')}</PageHeading>
      <p>{t('deadLetters.intro')}</p>
      <p ref={doneRef} tabIndex={-1} role="status" className={done ? 'notice' : 'visually-hidden'}>
        {done}
      </p>
      <div className="field admin-filter">
        <label htmlFor="dead-letter-status">{t('deadLetters.show')}</label>
        <select
          id="dead-letter-status"
          value={status ?? ''}
          onChange={(e) => navigate(hrefOf(1, (e.target.value || undefined) as DeadLetter['status']))}
        >
          <option value="">{t('deadLetters.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`deadLetters.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {letters.isPending ? (
        <Loading />
      ) : letters.isError ? (
        <div className="notice notice-error" role="alert">
          <p>{t('common:ui.loadFailed')}</p>
          <Button variant="secondary" onClick={() => void letters.refetch()}>
            {t('common:ui.retry')}
          </Button>
        </div>
      ) : letters.data.items.length === 0 ? (
        <p className="empty">{status ? t('deadLetters.emptyFiltered') : t('deadLetters.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('deadLetters.count', { count: letters.data.total, formatted: number(letters.data.total) })}</p>
          <ul className="item-list" aria-label={t('deadLetters.listLabel')}>
            {letters.data.items.map((l) => (
              <DeadLetterItem key={l.id} letter={l} onDone={onDone} />
            ))}
          </ul>
          <Pager page={page} pages={pagesOf(letters.data.total, letters.data.limit)} hrefOf={(p) => hrefOf(p)} />
        </>
      )}
    </section>
  );
}
