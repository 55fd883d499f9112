import type { RouteObject } from 'react-router';
import { RequireSession } from '../auth/RequireSession';
import { Layout } from '../shell/Layout';
import { PublicLayout } from '../shell/PublicLayout';
import { NotFound } from '../shell/NotFound';
import { lazyFeature } from './lazy-feature';

/**
 * Every route. A feature lives in web/src/features/<name>/ and owns everything under /<name>/*:
 * its routes.tsx (default export, with its own <Routes> for sub-pages) and its labels
 * (locales/<lang>.json, namespace <name>). Adding a feature = one line here.
 */
export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { path: 'sign-in', lazy: lazyFeature(() => import('../features/signin/routes')) },
      { path: 'accept-invitation', lazy: lazyFeature(() => import('../features/account/AcceptInvitationRoute')) },
      { path: 'reset-password', lazy: lazyFeature(() => import('../features/account/ResetPasswordRoute')) },
    ],
  },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, lazy: lazyFeature(() => import('../features/home/routes')) },
      { path: 'projects/*', lazy: lazyFeature(() => import('../features/projects/routes')) },
      { path: 'practices/*', lazy: lazyFeature(() => import('../features/practices/routes')) },
      { path: 'exchanges/*', lazy: lazyFeature(() => import('../features/exchanges/routes')) },
      { path: 'cities/*', lazy: lazyFeature(() => import('../features/cities/routes')) },
      { path: 'insight/*', lazy: lazyFeature(() => import('../features/insight/routes')) },
      { path: 'admin/*', lazy: lazyFeature(() => import('../features/admin/routes')) },
      { path: 'inbox/*', lazy: lazyFeature(() => import('../features/inbox/routes')) },
      { path: 'account/*', lazy: lazyFeature(() => import('../features/account/routes')) },
      { path: 'webhooks/*', lazy: lazyFeature(() => import('../features/webhooks/routes')) },
      { path: '*', element: <NotFound /> },
    ],
  },
];
