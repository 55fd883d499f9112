import { useEffect, useRef } from 'react';
import type { NotificationMessage } from './contracts';
import { useLive } from './LiveProvider';

export type NotifiedKind = NotificationMessage['link']['kind'];

/**
 * Calls `onChange` when a notification about an item of `kind` (project, practice, exchange)
 * arrives, with that notification; and on each (re)connect with `null` (some may have been missed
 * meanwhile: read your lists again). Features react here instead of holding the socket.
 *
 *   useNotificationsAbout('exchange', () => queryClient.invalidateQueries({ queryKey: ['exchanges'] }));
 */
export function useNotificationsAbout(kind: NotifiedKind | NotifiedKind[], onChange: (item: NotificationMessage | null) => void): void {
  const { socket } = useLive();
  const latest = useRef(onChange);
  latest.current = onChange;
  const kinds = ([] as NotifiedKind[]).concat(kind).join(',');
  useEffect(() => {
    if (!socket) return;
    const wanted = new Set(kinds.split(','));
    const onNotification = (item: NotificationMessage) => {
      if (item.link && wanted.has(item.link.kind)) latest.current(item);
    };
    const onConnect = () => latest.current(null);
    socket.on('notification', onNotification);
    socket.on('connect', onConnect);
    return () => {
      socket.off('notification', onNotification);
      socket.off('connect', onConnect);
    };
  }, [socket, kinds]);
}
