import { useTranslation } from 'react-i18next';

/** Shown while a page's code or data loads (announced politely, once). */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {t('ui.loading')}
    </p>
  );
}
