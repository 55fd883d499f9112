import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/useSession';
import { useFormat } from '../../i18n/format';
import { Button } from '../../ui/Button';
import { FieldBadge } from '../../ui/FieldBadge';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { RelativeTime } from '../../ui/RelativeTime';
import { hasFilters, pageCount, readFilters, writeFilters, type ProjectFilters } from './list-filters';
import { Pager } from './Pager';
import { ProjectFilterForm } from './ProjectFilterForm';
import { useCityName, useProjectList } from './project-queries';
import { StatusBadge } from './StatusBadge';

/** /projects: every joint project, newest first, filtered by status, field, SDG, city and words. */
export function ProjectListPage() {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const user = useSession()?.user;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = readFilters(params);
  const list = useProjectList(filters);
  const cityName = useCityName();
  const href = (next: ProjectFilters) => {
    const query = writeFilters(next).toString();
    return query ? `/projects?${query}` : '/projects';
  };
  const mayPropose = !!user && (user.role === 'admin' || !!user.cityId);

  return (
    <section className="page">
      <div className="page-title-row">
        <PageHeading>{t('title')}</PageHeading>
        {mayPropose && (
          <Link to="/projects/new" className="btn btn-primary">
            {t('list.propose')}
          </Link>
        )}
      </div>
      <ProjectFilterForm key={params.toString()} filters={filters} onApply={(next) => navigate(href(next))} />
      {list.isPending && <Loading />}
      {list.isError && (
        <p className="notice notice-error">
          {t('common:ui.loadFailed')}{' '}
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('common:ui.retry')}
          </Button>
        </p>
      )}
      {list.data && (
        <section aria-labelledby="project-results" className="panel">
          <h2 id="project-results" className="visually-hidden">
            {t('list.results')}
          </h2>
          <p role="status" className="muted">
            {t('list.count', { count: list.data.total, n: format.number(list.data.total) })}
          </p>
          {list.data.items.length === 0 && (
            <p className="empty">
              {hasFilters(filters) ? (
                <>
                  {t('list.noMatch')} <Link to="/projects">{t('filters.clear')}</Link>
                </>
              ) : mayPropose ? (
                <>
                  {t('list.none')} <Link to="/projects/new">{t('list.proposeFirst')}</Link>
                </>
              ) : (
                t('list.none')
              )}
            </p>
          )}
          <ul className="item-list">
            {list.data.items.map((project) => (
              <li key={project.id} className="item project-card">
                <p className="item-title">
                  <Link to={`/projects/${project.id}`}>{project.title}</Link>
                </p>
                <p className="item-meta">
                  <StatusBadge status={project.status} />
                  <span>{t('list.ledBy', { city: cityName(project.leadCityId) })}</span>
                  <span>{t('list.partners', { count: project.partners.filter((p) => p.status === 'accepted').length })}</span>
                  <RelativeTime iso={project.createdAt} />
                </p>
                <p>{project.summary}</p>
                <p className="badges">
                  {project.fields.map((f) => (
                    <FieldBadge key={f} field={f} />
                  ))}
                </p>
              </li>
            ))}
          </ul>
          <Pager page={filters.page} pages={pageCount(list.data.total, list.data.limit)} href={(page) => href({ ...filters, page })} />
        </section>
      )}
    </section>
  );
}
