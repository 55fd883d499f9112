import { useSyncExternalStore } from 'react';
import { session, type Session } from './session';

/** The signed-in session (null when signed out); re-renders on sign-in, sign-out and a refused token. */
export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
