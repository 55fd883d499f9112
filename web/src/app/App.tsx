import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { i18n } from '../i18n/i18n';
import { RouteError } from '../shell/RouteError';
import { Providers } from './Providers';
import { routes } from './routes';

/** Providers, outermost first: labels, server state, then the router (toasts and live inside it, as they link to pages). */
export function App() {
  const queryClient = useMemo(createQueryClient, []);
  const router = useMemo(
    () =>
      createBrowserRouter([
        {
          element: <Providers />,
          errorElement: <RouteError />,
          children: routes,
        },
      ]),
    [],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
