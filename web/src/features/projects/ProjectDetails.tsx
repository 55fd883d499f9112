import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { FieldBadge } from '../../ui/FieldBadge';
import type { Project } from './project-rights';
import { useCityName } from './project-queries';
import { SdgList } from './SdgList';

/** What the project is: lead city, fields (colour and name), SDGs with their names, dates, texts. */
export function ProjectDetails({ project }: { project: Project }) {
  const { t } = useTranslation('projects');
  const format = useFormat();
  const cityName = useCityName();
  return (
    <div className="project-details">
      <p className="project-summary">{project.summary}</p>
      <dl className="facts">
        <div>
          <dt>{t('details.lead')}</dt>
          <dd>
            <Link to={`/cities/${project.leadCityId}`}>{cityName(project.leadCityId)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('details.fields')}</dt>
          <dd className="badges">
            {project.fields.map((f) => (
              <FieldBadge key={f} field={f} />
            ))}
          </dd>
        </div>
        <div>
          <dt>{t('details.actionAreas')}</dt>
          <dd>{project.actionAreas.map((a) => t(`actionArea.${a}`)).join(' · ')}</dd>
        </div>
        <div>
          <dt>{t('details.sectors')}</dt>
          <dd>{project.sectors.map((s) => t(`sector.${s}`)).join(' · ')}</dd>
        </div>
        {(project.startDate || project.endDate) && (
          <div>
            <dt>{t('details.dates')}</dt>
            <dd>
              {project.startDate ? format.date(`${project.startDate}T12:00:00`) : '…'} –{' '}
              {project.endDate ? format.date(`${project.endDate}T12:00:00`) : '…'}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('details.proposed')}</dt>
          <dd>{format.date(project.createdAt)}</dd>
        </div>
      </dl>
      <h2 className="sdg-heading">{t('details.sdgs')}</h2>
      <SdgList sdgs={project.sdgs} />
      {project.description && <p className="project-description">{project.description}</p>}
      {project.outcome && (
        <p className="notice">
          <strong>{t('details.outcome')}</strong> {project.outcome}
        </p>
      )}
      {project.cancelReason && (
        <p className="notice">
          <strong>{t('details.cancelReason')}</strong> {project.cancelReason}
        </p>
      )}
    </div>
  );
}
