import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/useSession';
import type { components } from '../../api/schema';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { CITY_EVENTS, NETWORK_EVENTS } from './webhook-form';
import { WebhookForm } from './WebhookForm';
import { useWebhooks } from './webhooks-api';

type Created = components['schemas']['CreatedWebhookView'];

/**
 * /webhooks: for a city's IT (or the secretariat's, for the network's events): the addresses told
 * of events, and a new one. The signing secret is shown once, right after creating it.
 */
export function WebhooksPage() {
  const { t } = useTranslation('webhooks');
  const isAdmin = useSession()?.user.role === 'admin';
  const hooks = useWebhooks();
  const [created, setCreated] = useState<Created | null>(null);
  const secretRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) secretRef.current?.focus();
  }, [created]);
  return (
    <section className="page form-page">
      <PageHeading>{t('title')}</PageHeading>
      <p>{t(isAdmin ? 'introNetwork' : 'introCity')}</p>
      <p>{t('verify')}</p>
      {created && (
        <div ref={secretRef} tabIndex={-1} className="notice webhook-secret" role="status">
          <p>{t('created', { url: created.url })}</p>
          <p>
            <strong>{t('secretOnce')}</strong>
          </p>
          <p>
            <label htmlFor="webhook-secret">{t('secret')}</label>
            <input
              id="webhook-secret"
              type="text"
              readOnly
              value={created.secret}
              onFocus={(e) => e.target.select()}
              className="webhook-secret-value"
            />
          </p>
        </div>
      )}
      <h2>{t('listTitle')}</h2>
      {!hooks.data ? (
        hooks.isError ? (
          <p className="notice notice-error">{t('common:ui.loadFailed')}</p>
        ) : (
          <Loading />
        )
      ) : hooks.data.items.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <ul className="item-list" aria-label={t('listTitle')}>
          {hooks.data.items.map((h) => (
            <li key={h.id} className="item">
              <p className="item-title webhook-url">
                <Link to={`/webhooks/${h.id}`}>{h.url}</Link>
              </p>
              {h.description && <p>{h.description}</p>}
              <p className="muted">{t('eventsCount', { count: h.events.length })}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('form.title')}</h2>
      <WebhookForm groups={isAdmin ? NETWORK_EVENTS : CITY_EVENTS} onCreated={setCreated} />
    </section>
  );
}
