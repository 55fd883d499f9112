import { Route, Routes } from 'react-router';
import { NotYetPage } from './NotYetPage';

/** /account/* for a signed-in user: the password page waits for the accounts issue. */
export default function AccountRoutes() {
  return (
    <Routes>
      <Route path="*" element={<NotYetPage page="changePassword" backTo="home" />} />
    </Routes>
  );
}
