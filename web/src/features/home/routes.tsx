import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/useSession';
import { PageHeading } from '../../ui/PageHeading';
import { ActivityFeed } from './ActivityFeed';
import { NeedsYourAnswer } from './NeedsYourAnswer';
import { NewInYourField } from './NewInYourField';
import { YourCity } from './YourCity';
import { YourProjects } from './YourProjects';
import './home.css';

/** Home, in the order of the brief's questions: what needs my answer, my projects, my field, what just happened. */
export default function HomeRoute() {
  const { t } = useTranslation('home');
  const user = useSession()?.user;
  if (!user) return null;
  return (
    <section className="page">
      <PageHeading>{t('title', { name: user.name })}</PageHeading>
      {user.cityId ? (
        <>
          <YourCity cityId={user.cityId} />
          <div className="home-grid">
            <div>
              <NeedsYourAnswer cityId={user.cityId} />
              <YourProjects cityId={user.cityId} />
            </div>
            <div>
              <ActivityFeed />
              <NewInYourField cityId={user.cityId} />
            </div>
          </div>
        </>
      ) : (
        <p className="notice">{t('noCity')}</p>
      )}
    </section>
  );
}
