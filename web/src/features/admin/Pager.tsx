import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface PagerProps {
  page: number;
  pages: number;
  /** The address of another page (keeps the filters). */
  hrefOf: (page: number) => string;
}

/** Previous / next links with where the reader is; nothing when everything fits on one page. */
export function Pager({ page, pages, hrefOf }: PagerProps) {
  const { t } = useTranslation('admin');
  if (pages <= 1) return null;
  return (
    <nav className="admin-pager" aria-label={t('pager.label')}>
      {page > 1 ? <Link to={hrefOf(page - 1)}>{t('pager.previous')}</Link> : <span />}
      <span>{t('pager.position', { page, pages })}</span>
      {page < pages ? <Link to={hrefOf(page + 1)}>{t('pager.next')}</Link> : <span />}
    </nav>
  );
}
