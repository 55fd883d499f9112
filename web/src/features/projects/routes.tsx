import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

/** The projects section, mounted at /projects/* (a route shell until the feature is built: no fake data). */
export default function ProjectsRoutes() {
  const { t } = useTranslation('projects');
  return <ComingSoon title={t('title')} />;
}
