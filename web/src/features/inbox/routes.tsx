import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import './inbox.css';
import { InboxPage } from './InboxPage';
import { PreferencesPage } from './PreferencesPage';

/** The inbox, mounted at /inbox/*: the notifications, and the city's notification preferences. */
export default function InboxRoutes() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="preferences" element={<PreferencesPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
