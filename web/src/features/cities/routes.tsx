import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

/** The cities section, mounted at /cities/* (a route shell until the feature is built: no fake data). */
export default function CitiesRoutes() {
  const { t } = useTranslation('cities');
  return <ComingSoon title={t('title')} />;
}
