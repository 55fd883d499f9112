import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useSession } from '../../auth/useSession';
import { NotFound } from '../../shell/NotFound';
import { ChangePasswordPage } from './ChangePasswordPage';
import { CityPeoplePage } from './people/CityPeoplePage';
import { ProfilePage } from './ProfilePage';

/** /account/* for the signed-in user: profile (name, language), password, and a city's own people. */
export default function AccountRoutes() {
  const { t } = useTranslation('account');
  const user = useSession()?.user;
  return (
    <div className="account-pages">
      <nav className="section-nav" aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink to="/account" end>
              {t('nav.profile')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/account/password">{t('nav.password')}</NavLink>
          </li>
          {user?.cityId && (
            <li>
              <NavLink to="/account/people">{t('nav.people')}</NavLink>
            </li>
          )}
          <li>
            <NavLink to="/webhooks">{t('nav.webhooks')}</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<ProfilePage />} />
        <Route path="password" element={<ChangePasswordPage />} />
        <Route path="people" element={user?.role === 'admin' ? <Navigate to="/admin/users" replace /> : <CityPeoplePage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
