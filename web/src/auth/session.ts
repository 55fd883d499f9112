import type { components } from '../api/schema';

export type SessionUser = components['schemas']['LoginUserView'];
export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'cce.session';
type Listener = (session: Session | null) => void;

/**
 * The signed-in session: in memory, mirrored in sessionStorage so a reload keeps it but closing the
 * tab ends it (never localStorage: a token there outlives the visit and is shared by every tab).
 */
let current: Session | null = read();
const listeners = new Set<Listener>();

function read(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export const session = {
  get: (): Session | null => current,
  set(next: Session | null): void {
    current = next;
    try {
      if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
      else sessionStorage.removeItem(KEY);
    } catch {
      // Storage refused (private mode, quota): the session lives in memory only.
    }
    listeners.forEach((l) => l(next));
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
