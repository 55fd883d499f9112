import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { io, type Socket } from 'socket.io-client';
import { api } from '../api/client';
import { session } from '../auth/session';
import { useSession } from '../auth/useSession';
import { useToast } from '../ui/Toast';
import type { NotificationMessage } from './contracts';
import { notificationHref } from './notification-link';
import { NOTIFICATIONS_KEY } from './notification-queries';

interface Live {
  socket: Socket | null;
  connected: boolean;
  /** Was connected and lost it: live updates are paused until it reconnects. */
  dropped: boolean;
}

const LiveContext = createContext<Live>({ socket: null, connected: false, dropped: false });
export const useLive = () => useContext(LiveContext);

/**
 * One Socket.IO connection to /live per signed-in tab, with the access token. Each `notification`
 * refreshes the inbox queries (the bell's count among them) and shows a toast; after a reconnect the
 * inbox is read again, since live messages sent meanwhile are lost (docs/events.md).
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const token = useSession()?.token ?? null;
  const queryClient = useQueryClient();
  const toast = useToast();
  const { t } = useTranslation();
  const [live, setLive] = useState<Live>({ socket: null, connected: false, dropped: false });

  useEffect(() => {
    if (!token) return;
    const socket = io('/live', { auth: { token }, transports: ['websocket'] });
    let everConnected = false;
    const refreshInbox = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    socket.on('connect', () => {
      if (everConnected) void refreshInbox();
      everConnected = true;
      setLive({ socket, connected: true, dropped: false });
    });
    socket.on('disconnect', (reason) => {
      setLive({ socket, connected: false, dropped: everConnected });
      // The server closed it (token expired, user disabled, instance draining): ask the API whether
      // the session still holds (a 401 ends it), and if so connect again.
      if (reason === 'io server disconnect') {
        void api.GET('/api/v1/auth/me').then(({ response }) => response.ok && session.get()?.token === token && socket.connect());
      }
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') void api.GET('/api/v1/auth/me'); // 401 → signed out
    });
    socket.on('notification', (item: NotificationMessage) => {
      void refreshInbox();
      toast({ id: item.id, title: item.title, body: item.body, href: notificationHref(item.link) });
    });
    setLive({ socket, connected: false, dropped: false });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      setLive({ socket: null, connected: false, dropped: false });
    };
  }, [token, queryClient, toast]);

  return (
    <LiveContext.Provider value={live}>
      {children}
      {token && live.dropped && (
        <p className="live-offline" role="status">
          {t('live.offline')}
        </p>
      )}
    </LiveContext.Provider>
  );
}
