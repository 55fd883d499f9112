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
