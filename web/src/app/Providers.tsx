import { Outlet } from 'react-router';
import { LiveProvider } from '../live/LiveProvider';
import { ToastProvider } from '../ui/Toast';

/** Inside the router: the toast region and the live connection (a toast links to a page). */
export function Providers() {
  return (
    <ToastProvider>
      <LiveProvider>
        <Outlet />
      </LiveProvider>
    </ToastProvider>
  );
}
