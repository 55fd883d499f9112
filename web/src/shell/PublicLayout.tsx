import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { Loading } from '../ui/Loading';
import { LanguageSwitcher } from './LanguageSwitcher';

/** Pages before sign-in: the name and the language switcher only. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <header className="top-bar">
        <Link to="/sign-in" className="brand">
          {t('app.name')}
        </Link>
        <div className="top-bar-tools">
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
