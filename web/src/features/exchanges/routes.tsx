import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

/** The exchanges section, mounted at /exchanges/* (a route shell until the feature is built: no fake data). */
export default function ExchangesRoutes() {
  const { t } = useTranslation('exchanges');
  return <ComingSoon title={t('title')} />;
}
