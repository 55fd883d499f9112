import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/problem';
import { Button } from '../../ui/Button';
import { PageHeading } from '../../ui/PageHeading';

/** A practice that could not be read: gone (or hidden from this user), or the network failed. */
export function PracticeLoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation('practices');
  const gone = error instanceof ApiError && error.status === 404;
  return (
    <section className="page">
      <PageHeading>{gone ? t('notFound.title') : t('title')}</PageHeading>
      {gone ? (
        <p>{t('notFound.body')}</p>
      ) : (
        <p className="notice notice-error">
          {t('common:ui.loadFailed')}{' '}
          <Button variant="secondary" onClick={onRetry}>
            {t('common:ui.retry')}
          </Button>
        </p>
      )}
      <p>
        <Link to="/practices">{t('backToLibrary')}</Link>
      </p>
    </section>
  );
}
