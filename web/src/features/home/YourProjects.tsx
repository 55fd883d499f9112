import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCityNames } from '../../api/cities';
import { RelativeTime } from '../../ui/RelativeTime';
import { acceptedPartners, yourProjects } from './home-answers';
import { useHomeProjects } from './home-queries';

const SHOWN = 8;

/** "Your projects": those the city leads or has joined, with status, partners and last update. */
export function YourProjects({ cityId }: { cityId: string }) {
  const { t } = useTranslation('home');
  const headingId = useId();
  const projects = useHomeProjects(cityId); // the same query as "Needs your answer"
  const cityName = useCityNames();
  const mine = projects.data ? yourProjects(projects.data.items, cityId) : null;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{t('projects.title')}</h2>
      {mine?.length === 0 && (
        <p className="empty">
          {t('projects.empty')} <Link to="/projects/new">{t('projects.propose')}</Link>
        </p>
      )}
      {mine && mine.length > 0 && (
        <ul className="item-list">
          {mine.slice(0, SHOWN).map((project) => {
            const partners = acceptedPartners(project).filter((id) => id !== cityId);
            const others = project.leadCityId === cityId ? partners : [project.leadCityId, ...partners];
            return (
              <li key={project.id} className="item">
                <p className="item-title">
                  <Link to={`/projects/${project.id}`}>{project.title}</Link>{' '}
                  <span className={`home-status home-status-${project.status}`}>{t(`status.${project.status}`)}</span>
                </p>
                <p>
                  {project.leadCityId === cityId ? t('projects.youLead') + ' · ' : ''}
                  {others.length ? t('projects.with', { cities: others.map(cityName).join(', ') }) : t('projects.noPartner')}
                </p>
                <p className="item-meta">
                  <span>
                    {t('projects.updated')} <RelativeTime iso={project.updatedAt} />
                  </span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {mine && mine.length > 0 && (
        <p>
          <Link to={`/projects?city=${encodeURIComponent(cityId)}`}>{t('projects.all')}</Link> ·{' '}
          <Link to="/projects/new">{t('projects.propose')}</Link>
        </p>
      )}
    </section>
  );
}
