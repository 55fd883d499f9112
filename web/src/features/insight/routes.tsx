import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

/** The insight section, mounted at /insight/* (a route shell until the feature is built: no fake data). */
export default function InsightRoutes() {
  const { t } = useTranslation('insight');
  return <ComingSoon title={t('title')} />;
}
