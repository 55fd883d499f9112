import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { InviteForm } from '../account/people/InviteForm';

/** /admin/users/invite: invite anyone, of any city or the secretariat, by e-mail. */
export function InviteUserPage() {
  const { t } = useTranslation('account');
  return (
    <section className="page form-page">
      <PageHeading>{t('invite.title')}</PageHeading>
      <p>{t('invite.intro')}</p>
      <InviteForm choosesCity />
      <p>
        <Link to="/admin/users">{t('admin:users.back')}</Link>
      </p>
    </section>
  );
}
