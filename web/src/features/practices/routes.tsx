import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

/** The practices section, mounted at /practices/* (a route shell until the feature is built: no fake data). */
export default function PracticesRoutes() {
  const { t } = useTranslation('practices');
  return <ComingSoon title={t('title')} />;
}
