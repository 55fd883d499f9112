import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { useSession } from '../../auth/useSession';
import { NotFound } from '../../shell/NotFound';
import { PageHeading } from '../../ui/PageHeading';
import { AdminHome } from './AdminHome';
import { AdminNav } from './AdminNav';
import { AuditLogPage } from './AuditLogPage';
import { CitiesAdminPage } from './CitiesAdminPage';
import { DeadLettersPage } from './DeadLettersPage';
import { EditCityPage } from './EditCityPage';
import { ImportCitiesPage } from './ImportCitiesPage';
import { ModerationPage } from './ModerationPage';
import { RegisterCityPage } from './RegisterCityPage';
import { UsersPage } from './UsersPage';
import { CreateUserPage } from './CreateUserPage';
import { InviteUserPage } from './InviteUserPage';
import { MailboxPage } from './MailboxPage';
import './admin.css';

/** The admin section, mounted at /admin/* (the secretariat's pages; the API refuses them to others anyway). */
export default function AdminRoutes() {
  const { t } = useTranslation('admin');
  const user = useSession()?.user;
  if (user?.role !== 'admin')
    return (
      <section className="page">
        <PageHeading>{t('title')}</PageHeading>
        <p className="notice">{t('adminsOnly')}</p>
        <p>
          <Link to="/">{t('common:comingSoon.home')}</Link>
        </p>
      </section>
    );
  return (
    <div className="admin">
      <AdminNav />
      <Routes>
        <Route index element={<AdminHome />} />
        <Route path="cities" element={<CitiesAdminPage />} />
        <Route path="cities/new" element={<RegisterCityPage />} />
        <Route path="cities/import" element={<ImportCitiesPage />} />
        <Route path="cities/:id/edit" element={<EditCityPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="users/invite" element={<InviteUserPage />} />
        <Route path="users/new" element={<CreateUserPage />} />
        <Route path="mailbox" element={<MailboxPage />} />
        <Route path="moderation" element={<ModerationPage />} />
        <Route path="dead-letters" element={<DeadLettersPage />} />
        <Route path="audit-log" element={<AuditLogPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </div>
  );
}
