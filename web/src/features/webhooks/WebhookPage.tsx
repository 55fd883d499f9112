import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { Pager } from '../../ui/Pager';
import { RelativeTime } from '../../ui/RelativeTime';
import { PAGE_SIZE, useDeleteWebhook, useDeliveries, useRedeliver, useWebhooks, type Delivery } from './webhooks-api';

/** /webhooks/:id: what it receives, its delivery log (newest first, redeliver any), and removing it. */
export function WebhookPage() {
  const { t } = useTranslation('webhooks');
  const format = useFormat();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const navigate = useNavigate();
  const hooks = useWebhooks();
  const hook = hooks.data?.items.find((h) => h.id === id);
  const deliveries = useDeliveries(id, page);
  const redeliver = useRedeliver(id);
  const remove = useDeleteWebhook();
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState<string | null>(null);

  if (!hooks.data) return <Loading />;
  if (!hook)
    return (
      <section className="page">
        <PageHeading>{t('notFound')}</PageHeading>
        <p>
          <Link to="/webhooks">{t('back')}</Link>
        </p>
      </section>
    );
  const statusOf = (d: Delivery) =>
    [t(`status.${d.status}`), d.responseStatus !== null ? `HTTP ${d.responseStatus}` : null, d.error].filter(Boolean).join(' · ');
  return (
    <section className="page">
      <PageHeading>{t('hookTitle')}</PageHeading>
      <p className="webhook-url">
        <code>{hook.url}</code>
      </p>
      {hook.description && <p>{hook.description}</p>}
      <p className="muted">{t('receives', { events: hook.events.join(', ') })}</p>
      <p role="status" className={said ? 'notice' : 'visually-hidden'}>
        {said}
      </p>
      <h2>{t('deliveries.title')}</h2>
      {!deliveries.data ? (
        <Loading />
      ) : deliveries.data.items.length === 0 ? (
        <p className="empty">{t('deliveries.empty')}</p>
      ) : (
        <>
          <ul className="item-list" aria-label={t('deliveries.title')}>
            {deliveries.data.items.map((d) => (
              <li key={d.id} className="item">
                <p className="item-title">
                  <code>{d.type}</code> · {statusOf(d)}
                </p>
                <p className="muted">
                  <RelativeTime iso={d.createdAt} /> · {t('deliveries.attempts', { count: d.attempts })}
                  {d.durationMs !== null && ` · ${format.number(d.durationMs)} ms`}
                  {d.nextAttemptAt && ` · ${t('deliveries.next', { at: format.dateTime(d.nextAttemptAt) })}`}
                  {d.redeliveryOf && ` · ${t('deliveries.redelivery')}`}
                </p>
                <p>
                  <Button
                    variant="secondary"
                    busy={redeliver.isPending && redeliver.variables === d.id}
                    onClick={() =>
                      redeliver.mutate(d.id, {
                        onSuccess: () => setSaid(t('deliveries.redelivered', { type: d.type })),
                        onError: () => setSaid(t('common:ui.loadFailed')),
                      })
                    }
                  >
                    {t('deliveries.redeliver', { type: d.type, when: format.dateTime(d.createdAt) })}
                  </Button>
                </p>
              </li>
            ))}
          </ul>
          <Pager
            page={page}
            pages={Math.max(1, Math.ceil(deliveries.data.total / PAGE_SIZE))}
            hrefOf={(p) => `?page=${p}`}
            label={t('deliveries.pages')}
          />
        </>
      )}
      <h2>{t('remove.title')}</h2>
      <p>
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t('remove.button')}
        </Button>
      </p>
      <p>
        <Link to="/webhooks">{t('back')}</Link>
      </p>
      <Dialog
        open={confirming}
        title={t('remove.confirmTitle')}
        onClose={() => setConfirming(false)}
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('common:ui.cancel')}
            </Button>
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() =>
                remove.mutate(hook.id, {
                  onSuccess: () => navigate('/webhooks', { replace: true }),
                  onError: () => setSaid(t('common:ui.loadFailed')),
                })
              }
            >
              {t('remove.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('remove.consequence', { url: hook.url })}</p>
      </Dialog>
    </section>
  );
}
