import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';

/** Previous / next page links with "Page 2 of 5"; absent when everything fits on one page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const { t } = useTranslation('projects');
  const format = useFormat();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('list.pages')}>
      {page > 1 ? <Link to={href(page - 1)}>{t('list.previous')}</Link> : <span />}
      <span>{t('list.pageOf', { page: format.number(page), pages: format.number(pages) })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t('list.next')}</Link> : <span />}
    </nav>
  );
}
