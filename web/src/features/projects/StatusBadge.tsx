import { useTranslation } from 'react-i18next';
import type { ProjectStatus } from './vocabulary';

/** A project's status as a word in a shaped badge (never colour alone). */
export function StatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation('projects');
  return <span className={`project-status project-status-${status}`}>{t(`status.${status}`)}</span>;
}

/** A partner city's status, worded the same way. */
export function PartnerStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('projects');
  return <span className={`partner-status partner-status-${status}`}>{t(`partnerStatus.${status}`)}</span>;
}
