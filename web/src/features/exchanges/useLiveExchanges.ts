import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { NotificationMessage } from '../../live/contracts';
import { useLive } from '../../live/LiveProvider';
import { EXCHANGES_KEY } from './exchange-api';

/**
 * Exchanges have no watch of their own: each change is notified to the other city, so a
 * notification about an exchange (and a reconnect, after which some may have been missed)
 * reads this feature's lists again.
 */
export function useLiveExchanges() {
  const { socket } = useLive();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: EXCHANGES_KEY });
    const onNotification = (item: NotificationMessage) => {
      if (item.link?.kind === 'exchange') refresh();
    };
    socket.on('notification', onNotification);
    socket.on('connect', refresh);
    return () => {
      socket.off('notification', onNotification);
      socket.off('connect', refresh);
    };
  }, [socket, queryClient]);
}
