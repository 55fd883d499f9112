import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { useSession } from '../../auth/useSession';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
import { PartnerList } from './PartnerList';
import { ProjectDetails } from './ProjectDetails';
import { viewerRights } from './project-rights';
import { useProject } from './project-queries';
import { StatusBadge } from './StatusBadge';
import { SuggestionsTab } from './SuggestionsTab';
import { Tabs } from './Tabs';
import { TimelineTab } from './TimelineTab';
import { UpdatesTab } from './UpdatesTab';
import { useLiveProject } from './useLiveProject';
import { useProjectAction } from './useProjectAction';
import { YourActions } from './YourActions';

/** /projects/:id: the project, its partners, the user's actions, and Updates / Timeline / Suggestions. */
export function ProjectPage() {
  const { t } = useTranslation('projects');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useSession()?.user ?? null;
  const project = useProject(id);
  const watch = useLiveProject(id);
  const actions = useProjectAction(id);

  if (project.isPending) return <Loading />;
  if (project.isError) {
    const missing = project.error instanceof ApiError && project.error.status === 404;
    return (
      <section className="page">
        <PageHeading>{missing ? t('page.notFound') : t('title')}</PageHeading>
        <p className="notice notice-error">
          {missing ? t('page.notFoundBody') : t('common:ui.loadFailed')}{' '}
          {!missing && (
            <Button variant="secondary" onClick={() => void project.refetch()}>
              {t('common:ui.retry')}
            </Button>
          )}
        </p>
        <Link to="/projects">{t('backToList')}</Link>
      </section>
    );
  }

  const current = project.data;
  const rights = viewerRights(current, user ? { role: user.role, cityId: user.cityId } : null);
  const tabs = [
    { id: 'updates', label: t('tabs.updates') },
    { id: 'timeline', label: t('tabs.timeline') },
    ...(rights.canInvite ? [{ id: 'suggestions', label: t('tabs.suggestions') }] : []),
  ];
  const tab = tabs.find((x) => x.id === params.get('tab'))?.id ?? 'updates';
  const selectTab = (next: string) =>
    setParams(
      (p) => {
        p.set('tab', next);
        p.delete('proposed');
        return p;
      },
      { replace: true },
    );

  return (
    <article className="page project-page">
      <p className="breadcrumb">
        <Link to="/projects">{t('backToList')}</Link>
      </p>
      <div className="page-title-row">
        <PageHeading>{current.title}</PageHeading>
        <StatusBadge status={current.status} />
      </div>
      {params.get('proposed') && rights.canInvite && <p className="notice">{t('page.proposed')}</p>}
      <ProjectDetails project={current} />
      <YourActions project={current} rights={rights} ownCityId={user?.cityId ?? null} actions={actions} />
      <PartnerList project={current} rights={rights} actions={actions} />
      <section className="panel" aria-labelledby="project-activity">
        <h2 id="project-activity" className="visually-hidden">
          {t('tabs.label')}
        </h2>
        <Tabs label={t('tabs.label')} tabs={tabs} selected={tab} onSelect={selectTab}>
          {tab === 'updates' && <UpdatesTab projectId={id} canPost={rights.canPostUpdate} />}
          {tab === 'timeline' && <TimelineTab watch={watch} />}
          {tab === 'suggestions' && <SuggestionsTab project={current} canInvite={rights.canInvite} />}
        </Tabs>
      </section>
    </article>
  );
}
