import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { UserList } from '../account/people/UserList';

/** /admin/users: every user (disable / enable), and the ways to add one: an invitation or an account with a password. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  return (
    <section className="page">
      <PageHeading>{t('users.title')}</PageHeading>
      <p>{t('users.intro')}</p>
      <p className="actions-row">
        <Link to="/admin/users/invite" className="btn btn-primary">
          {t('users.inviteLink')}
        </Link>{' '}
        <Link to="/admin/users/new">{t('users.createLink')}</Link>
      </p>
      <UserList canDisable />
    </section>
  );
}
