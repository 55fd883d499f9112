import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export const ADMIN_SECTIONS = ['cities', 'users', 'moderation', 'dead-letters', 'audit-log', 'mailbox'] as const;

/** The admin's own sections, on every admin page (the current one marked by aria-current). */
export function AdminNav() {
  const { t } = useTranslation('admin');
  return (
    <nav className="admin-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/admin" end>
            {t('nav.overview')}
          </NavLink>
        </li>
        {ADMIN_SECTIONS.map((s) => (
          <li key={s}>
            <NavLink to={`/admin/${s}`}>{t(`nav.${s}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
