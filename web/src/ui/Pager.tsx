import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface PagerProps {
  page: number;
  pages: number;
  /** The address of another page (keeps the filters). */
  hrefOf: (page: number) => string;
  /** The navigation's name when a page has two pagers (default "Pages"). */
  label?: string;
  /** What takes focus once another page shows (e.g. the result count); default: "Page n of m". */
  focusAfter?: () => HTMLElement | null;
}

/**
 * Previous / next links with where the reader is; nothing when everything fits on one page. After
 * following one, focus moves to something stable (the link pressed may be gone on the first or last page).
 */
export function Pager({ page, pages, hrefOf, label, focusAfter }: PagerProps) {
  const { t } = useTranslation();
  const position = useRef<HTMLSpanElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (focusAfter?.() ?? position.current)?.focus();
  }, [page]); // only a change of page moves focus (focusAfter may be a new function each render)
  if (pages <= 1) return null;
  const follow = () => (moved.current = true);
  return (
    <nav className="pager" aria-label={label ?? t('pager.label')}>
      {page > 1 ? (
        <Link to={hrefOf(page - 1)} onClick={follow}>
          {t('pager.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span ref={position} tabIndex={-1}>
        {t('pager.position', { page, pages })}
      </span>
      {page < pages ? (
        <Link to={hrefOf(page + 1)} onClick={follow}>
          {t('pager.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
