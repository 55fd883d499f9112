import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../ui/ComingSoon';

/** The admin section, mounted at /admin/* (a route shell until the feature is built: no fake data). */
export default function AdminRoutes() {
  const { t } = useTranslation('admin');
  return <ComingSoon title={t('title')} />;
}
