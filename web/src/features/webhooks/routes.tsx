import { Route, Routes } from 'react-router';
import { NotFound } from '../../shell/NotFound';
import { WebhookPage } from './WebhookPage';
import { WebhooksPage } from './WebhooksPage';
import './webhooks.css';

/** /webhooks/*: a city's (or the network's) webhooks, for its IT people. */
export default function WebhooksRoutes() {
  return (
    <Routes>
      <Route index element={<WebhooksPage />} />
      <Route path=":id" element={<WebhookPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
