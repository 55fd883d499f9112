import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';

/** An account page whose API has not landed yet: says so and what to do meanwhile. */
export function NotYetPage({ page, backTo }: { page: 'acceptInvitation' | 'resetPassword' | 'changePassword'; backTo: 'signIn' | 'home' }) {
  const { t } = useTranslation('account');
  return (
    <section className="page narrow">
      <PageHeading>{t(`${page}.title`)}</PageHeading>
      <p className="notice">{t(`${page}.body`)}</p>
      <p>{backTo === 'signIn' ? <Link to="/sign-in">{t('signIn')}</Link> : <Link to="/">{t('common:comingSoon.home')}</Link>}</p>
    </section>
  );
}
