import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ComingSoon } from '../../ui/ComingSoon';

/** The inbox, mounted at /inbox/* (route shells until the feature is built; Home lists the unread items meanwhile). */
export default function InboxRoutes() {
  const { t } = useTranslation('inbox');
  return (
    <Routes>
      <Route index element={<ComingSoon title={t('title')} />} />
      <Route path="preferences" element={<ComingSoon title={t('preferences')} />} />
      <Route path="*" element={<ComingSoon title={t('title')} />} />
    </Routes>
  );
}
