import { useTranslation } from 'react-i18next';
import { useCityName } from '../../../api/cities';
import { useSession } from '../../../auth/useSession';
import { PageHeading } from '../../../ui/PageHeading';
import { InviteForm } from './InviteForm';
import { UserList } from './UserList';

/** /account/people: a city user sees its city's users and invites a colleague of the same city. */
export function CityPeoplePage() {
  const { t } = useTranslation('account');
  const user = useSession()?.user;
  const city = useCityName(user?.cityId) ?? '';
  return (
    <section className="page form-page">
      <PageHeading>{t('people.title', { city })}</PageHeading>
      <p>{t('people.intro')}</p>
      <UserList canDisable={false} />
      <h2>{t('invite.title')}</h2>
      <p>{t('invite.intro')}</p>
      <InviteForm choosesCity={false} />
    </section>
  );
}
