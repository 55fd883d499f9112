import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The sections of the top bar, in the brief's order; Admin for admins only. */
export function NavLinks({ isAdmin, onNavigate }: { isAdmin: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const sections = ['projects', 'practices', 'exchanges', 'cities', 'insight', ...(isAdmin ? ['admin'] : [])];
  return (
    <ul className="nav-links">
      {sections.map((section) => (
        <li key={section}>
          <NavLink to={`/${section}`} onClick={onNavigate}>
            {t(`nav.${section}`)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
