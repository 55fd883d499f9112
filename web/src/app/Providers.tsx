import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { session } from '../auth/session';
import { LiveProvider } from '../live/LiveProvider';
import { ToastProvider } from '../ui/Toast';

/** Inside the router: the toast region and the live connection (a toast links to a page). */
export function Providers() {
  const queryClient = useQueryClient();
  // Signed out (by the user or by a refused token) or another user signed in: nothing cached for
  // the previous session may show.
  useEffect(() => {
    let userId = session.get()?.user.id ?? null;
    return session.subscribe((next) => {
      if ((next?.user.id ?? null) !== userId) queryClient.clear();
      userId = next?.user.id ?? null;
    });
  }, [queryClient]);
  return (
    <ToastProvider>
      <LiveProvider>
        <Outlet />
      </LiveProvider>
    </ToastProvider>
  );
}
