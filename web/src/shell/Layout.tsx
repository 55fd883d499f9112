import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSession } from '../auth/useSession';
import { Loading } from '../ui/Loading';
import { TopBar } from './TopBar';

/** Every signed-in page: skip link, top bar, and the page (its code loads lazily, per feature). */
export function Layout() {
  const { t } = useTranslation();
  const user = useSession()?.user;
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      {user && <TopBar user={user} />}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
