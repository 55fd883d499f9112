import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldBadge } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { useCityProjects, type City } from './city-queries';

/** The projects the city leads or takes part in (as GET /projects?cityId= answers), each linking to its page. */
export function CityProjects({ city }: { city: City }) {
  const { t } = useTranslation('cities');
  const projects = useCityProjects(city.id);
  return (
    <section aria-labelledby="city-projects" className="panel">
      <h2 id="city-projects">{t('projects.title')}</h2>
      {projects.isPending && <Loading />}
      {projects.isError && <p className="notice notice-error">{t('common:ui.loadFailed')}</p>}
      {projects.data?.items.length === 0 && (
        <p className="empty">
          {t('projects.empty', { city: city.name })} <Link to="/projects">{t('projects.browse')}</Link>
        </p>
      )}
      {!!projects.data?.items.length && (
        <ul className="item-list">
          {projects.data.items.map((project) => {
            const role = project.leadCityId === city.id ? 'lead' : (project.partners.find((p) => p.cityId === city.id)?.status ?? 'partner');
            return (
              <li key={project.id} className="item">
                <p className="item-title">
                  <Link to={`/projects/${encodeURIComponent(project.id)}`}>{project.title}</Link>
                </p>
                <p>{project.summary}</p>
                <p className="item-meta">
                  <span className="tag">{t(`projects.status.${project.status}`)}</span>
                  <span>{t(`projects.role.${role}`, { defaultValue: role })}</span>
                  {project.fields.map((field) => (
                    <FieldBadge key={field} field={field} />
                  ))}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {projects.data && projects.data.total > projects.data.items.length && (
        <p className="muted">{t('projects.more', { count: projects.data.total - projects.data.items.length })}</p>
      )}
    </section>
  );
}
