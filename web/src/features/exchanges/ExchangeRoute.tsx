import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { useExchange } from './exchange-api';
import { ExchangeCard } from './ExchangeCard';
import { useLiveExchanges } from './useLiveExchanges';

/** /exchanges/:id (where a notification leads): one exchange with its actions. */
export function ExchangeRoute() {
  const { id } = useParams();
  const { t } = useTranslation('exchanges');
  const user = useSession()?.user;
  const exchange = useExchange(id);
  useLiveExchanges();
  if (!user) return null;
  if (exchange.isPending) return <Loading />;
  if (exchange.isError) {
    const status = exchange.error instanceof ApiError ? exchange.error.status : 0;
    return (
      <section className="page">
        <PageHeading>{status === 404 ? t('notFound') : status === 403 ? t('notYours') : t('title')}</PageHeading>
        {status !== 404 && status !== 403 && (
          <p className="notice notice-error">
            {t('common:ui.loadFailed')}{' '}
            <Button variant="secondary" onClick={() => void exchange.refetch()}>
              {t('common:ui.retry')}
            </Button>
          </p>
        )}
        <p>
          <Link to="/exchanges">{t('back')}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page">
      <p className="breadcrumb">
        <Link to="/exchanges">{t('back')}</Link>
      </p>
      <PageHeading>{t('one')}</PageHeading>
      <ul className="item-list">
        <ExchangeCard exchange={exchange.data} user={user} />
      </ul>
      <p>
        <Link to={`/practices/${encodeURIComponent(exchange.data.practiceId)}`}>{t('toPractice', { title: exchange.data.practiceTitle })}</Link>
      </p>
    </section>
  );
}
