/**
 * The caller's identity, shared by HTTP (guard, decorators, idempotency), sockets and commands.
 * It lives here, not in src/auth, so shared code never depends on a domain module; auth produces it
 * (login, token verification) and re-exports it with its contracts.
 */
export type Role = 'admin' | 'city';
export const ROLES: readonly Role[] = ['admin', 'city'];

/** The authenticated caller, as carried in the JWT and put on the request by the AuthGuard. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  cityId: string | null;
}
