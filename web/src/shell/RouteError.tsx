import { useTranslation } from 'react-i18next';
import { PageHeading } from '../ui/PageHeading';

/** A route whose code failed to load (offline, a new version deployed meanwhile): say so, offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <PageHeading>{t('ui.loadFailed')}</PageHeading>
      <p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('ui.retry')}
        </button>
      </p>
    </section>
  );
}
