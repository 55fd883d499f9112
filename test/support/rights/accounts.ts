import type { Call, Right } from '../rights-matrix';

let unique = 0;
const next = () => `${Date.now().toString(36)}${++unique}`;
/** A token that no link carries: the route answers 400 after the rights checks. */
const UNKNOWN_TOKEN = 'A'.repeat(43);
const subOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;

/**
 * The rows of accounts (src/auth); see rights-matrix.ts for what each field means. Calls that would
 * end the world's sessions (logout, password change) are sent so that they stop at validation
 * (400, after the rights checks): the actors' tokens must keep working for the rows that follow.
 */
export const accountsRights: Record<string, Right> = {
  // Public (@Public): whoever holds an e-mailed link; the reset answers the same for every address.
  'POST /api/v1/auth/accept-invitation': {
    access: 'public',
    call: (): Call => ({ body: { token: UNKNOWN_TOKEN, password: 'rights passphrase 1' } }),
  },
  'POST /api/v1/auth/password-reset': { access: 'public', call: (): Call => ({ body: { email: `rights.${next()}@accounts.test` } }) },
  'POST /api/v1/auth/password-reset/confirm': {
    access: 'public',
    call: (): Call => ({ body: { token: UNKNOWN_TOKEN, password: 'rights passphrase 1' } }),
  },
  // The signed-in user's own session and password (@Authenticated).
  'POST /api/v1/auth/password': {
    access: 'signed-in',
    call: (): Call => ({ body: { currentPassword: 'not the current one', newPassword: 'rights passphrase 2' } }),
  },
  'POST /api/v1/auth/logout': { access: 'signed-in', call: (): Call => ({ body: { stay: 'signed in' } }) },
  // Users (src/auth/users.controller.ts): admins for any city, a city user for its own (invite-user.handler.ts).
  'POST /api/v1/users/invitations': {
    access: 'signed-in',
    call: (w): Call => ({ body: { email: `rights.${next()}@accounts.test`, name: 'Rights', role: 'city', cityId: w.c.cityId } }),
  },
  'GET /api/v1/users': { access: 'signed-in', call: (): Call => ({}) },
  // The user itself (name, language) or an admin (update-user.handler.ts): C changes itself, the admin changes C.
  'PATCH /api/v1/users/{id}': { access: 'signed-in', call: (w): Call => ({ params: { id: subOf(w.c.token) }, body: { language: 'es' } }) },
};
