import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../auth/session';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { ActionDialog } from './ActionDialog';
import { conflictKey, exchangeActions, sideOf, type Exchange, type ExchangeAction } from './exchange-actions';
import { EXCHANGES_KEY, exchangeKey, fetchExchange, useCityName } from './exchange-api';

/** A date without time ("2026-05-04") as local noon, so no time zone shows it as the day before. */
const dayOf = (date: string) => new Date(`${date}T12:00:00`);

/**
 * One exchange: the practice, the other city, what was asked and answered, and the actions this
 * user may take. After an action, or a 409 (the other side acted first: the exchange is reloaded),
 * a message says what happened and takes focus, since the button pressed may be gone.
 */
export function ExchangeCard({ exchange, user, headingLevel = 2 }: { exchange: Exchange; user: SessionUser; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('exchanges');
  const format = useFormat();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<ExchangeAction | null>(null);
  const [notice, setNotice] = useState<{ text: string; conflict: boolean } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const side = sideOf(exchange, user.cityId);
  const host = useCityName(exchange.hostCityId) ?? t('aCity');
  const requester = useCityName(exchange.requesterCityId) ?? t('aCity');
  const other = side === 'host' ? requester : host;
  const actions = exchangeActions(exchange, { role: user.role, cityId: user.cityId });
  const Heading = `h${headingLevel}` as const;

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const store = (fresh: Exchange) => {
    queryClient.setQueryData(exchangeKey(fresh.id), fresh);
    void queryClient.invalidateQueries({ queryKey: [...EXCHANGES_KEY, 'list'] });
  };
  const done = (fresh: Exchange, did: ExchangeAction) => {
    setAction(null);
    store(fresh);
    setNotice({ text: t(`${did}.done`, { city: other }), conflict: false });
  };
  const conflict = async () => {
    setAction(null);
    try {
      const fresh = await fetchExchange(exchange.id);
      store(fresh);
      setNotice({ text: t(conflictKey(fresh), { host, requester }), conflict: true });
    } catch {
      void queryClient.invalidateQueries({ queryKey: EXCHANGES_KEY });
      setNotice({ text: t('conflict.changed'), conflict: true });
    }
  };

  return (
    <li className="item exchange-card">
      <Heading className="item-title exchange-title">
        <Link to={`/exchanges/${encodeURIComponent(exchange.id)}`}>{exchange.practiceTitle}</Link>
      </Heading>
      <p className="item-meta">
        <span className={`exchange-status exchange-status-${exchange.status}`}>{t(`status.${exchange.status}`)}</span>
        <span>
          {side === 'requester'
            ? t('hostedBy', { city: host })
            : side === 'host'
              ? t('askedBy', { city: requester })
              : t('between', { host, requester })}
        </span>
        <span>{t(`formats.${exchange.format}`)}</span>
        {exchange.proposedDates && (
          <span>{t('dates', { from: format.date(dayOf(exchange.proposedDates.from)), to: format.date(dayOf(exchange.proposedDates.to)) })}</span>
        )}
        <span>
          {t('asked')} <RelativeTime iso={exchange.createdAt} />
        </span>
      </p>
      <dl className="exchange-texts">
        <dt>{t('message', { city: requester })}</dt>
        <dd>{exchange.message}</dd>
        {exchange.response && (
          <>
            <dt>{t('response', { city: host })}</dt>
            <dd>{exchange.response}</dd>
          </>
        )}
        {exchange.cancelReason && (
          <>
            <dt>{t('cancelReason')}</dt>
            <dd>{exchange.cancelReason}</dd>
          </>
        )}
        {exchange.status === 'completed' && exchange.rating !== null && (
          <>
            <dt>{t('feedback', { city: requester })}</dt>
            <dd>
              <span className="exchange-rating">{t('ratingOf', { rating: exchange.rating })}</span>
              {exchange.feedback && <> — {exchange.feedback}</>}
            </dd>
          </>
        )}
      </dl>
      {notice && (
        <p ref={noticeRef} tabIndex={-1} className={notice.conflict ? 'notice notice-error' : 'notice'} role={notice.conflict ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {actions.length > 0 && (
        <div className="exchange-actions">
          {actions.map((a) => (
            <Button
              key={a}
              variant={a === 'accept' || a === 'complete' ? 'primary' : a === 'decline' ? 'secondary' : 'quiet'}
              onClick={() => setAction(a)}
            >
              {t(`${a}.button`)}
              <span className="visually-hidden"> {t('withCity', { city: other, title: exchange.practiceTitle })}</span>
            </Button>
          ))}
        </div>
      )}
      {actions.length === 0 && side === 'host' && exchange.status === 'accepted' && (
        <p className="muted">{t('waitingForRequester', { city: requester })}</p>
      )}
      <ActionDialog
        action={action}
        exchange={exchange}
        otherCity={other}
        onClose={() => setAction(null)}
        onDone={done}
        onConflict={() => void conflict()}
      />
    </li>
  );
}
