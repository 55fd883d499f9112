import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/useSession';
import { PageHeading } from '../../ui/PageHeading';
import { NeedsYourAnswer } from './NeedsYourAnswer';
import { YourCity } from './YourCity';

/** Home: what needs the user's answer first (SPEC §6, the design brief's first question). */
export default function HomeRoute() {
  const { t } = useTranslation('home');
  const user = useSession()?.user;
  if (!user) return null;
  return (
    <section className="page">
      <PageHeading>{t('title', { name: user.name })}</PageHeading>
      {user.cityId && <YourCity cityId={user.cityId} />}
      {user.cityId ? <NeedsYourAnswer /> : <p className="notice">{t('noCity')}</p>}
    </section>
  );
}
