import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../auth/session';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NavLinks } from './NavLinks';
import { NotificationBell } from './NotificationBell';

/**
 * The top bar of every signed-in page. On a phone the sections fold behind the Menu button; the
 * bell, the language and the account stay visible.
 */
export function TopBar({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <header className="top-bar">
      <Link to="/" className="brand">
        {t('app.name')}
      </Link>
      <nav aria-label={t('nav.label')} className={menuOpen ? 'sections open' : 'sections'}>
        <button
          type="button"
          className="btn btn-quiet menu-button"
          aria-expanded={menuOpen}
          aria-controls="section-links"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('nav.menu')}
        </button>
        <div id="section-links">
          <NavLinks isAdmin={user.role === 'admin'} onNavigate={() => setMenuOpen(false)} />
        </div>
      </nav>
      <div className="top-bar-tools">
        <LanguageSwitcher />
        <NotificationBell />
        <AccountMenu user={user} />
      </div>
    </header>
  );
}
