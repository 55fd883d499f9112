import { waitFor, type ApiClient } from '@app/testing';
import { ok } from '../http-expectations';
import { login } from '../test-app';
import type { Recipe, World } from './recipe';

let unique = 0;
const email = (who: string) => `recipe.${who}.${Date.now().toString(36)}${++unique}@accounts.test`;
const PASSWORD = 'recipe passphrase 1';

/** The token of the last link to `to` in the development mailbox (GET /admin/mailbox). */
async function mailedToken(admin: ApiClient, to: string, path: string): Promise<string> {
  return waitFor(`a mail to ${to}`, async () => {
    const items = (await ok(admin.get(`/admin/mailbox?to=${encodeURIComponent(to)}`))).items as { text: string }[];
    return items.map((m) => new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`).exec(m.text)?.[1]).find(Boolean);
  });
}

/** A new user of C's city with a known password, signed in: for the operations that end sessions or change passwords. */
async function freshUser(w: World): Promise<{ id: string; email: string; api: ApiClient }> {
  const address = email('user');
  const created = await ok(w.admin.post('/users', { email: address, password: PASSWORD, name: 'Recipe user', role: 'city', cityId: w.c.cityId }));
  return { id: created.id, email: address, api: w.api.as(await login(w.api, address, PASSWORD)) };
}

const subOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;

/** The recipes of accounts (src/auth: invitations, password reset and change, logout, users). */
export const accountsRecipes: Record<string, Recipe> = {
  'POST /api/v1/users/invitations': async (w) => ({
    as: w.c.api,
    path: '/users/invitations',
    body: { email: email('invited'), name: 'Invited by C', role: 'city', language: 'fr' },
  }),
  'POST /api/v1/auth/accept-invitation': async (w) => {
    const to = email('accepting');
    await ok(w.admin.post('/users/invitations', { email: to, name: 'Accepting', role: 'city', cityId: w.c.cityId }));
    return { as: w.api, path: '/auth/accept-invitation', body: { token: await mailedToken(w.admin, to, 'accept-invitation'), password: PASSWORD } };
  },
  'POST /api/v1/auth/password-reset': async (w) => ({ as: w.api, path: '/auth/password-reset', body: { email: email('unknown') } }),
  'POST /api/v1/auth/password-reset/confirm': async (w) => {
    const user = await freshUser(w);
    await w.api.post('/auth/password-reset', { email: user.email });
    return {
      as: w.api,
      path: '/auth/password-reset/confirm',
      body: { token: await mailedToken(w.admin, user.email, 'reset-password'), password: 'recipe passphrase 2' },
    };
  },
  'POST /api/v1/auth/password': async (w) => {
    const user = await freshUser(w);
    return { as: user.api, path: '/auth/password', body: { currentPassword: PASSWORD, newPassword: 'recipe passphrase 2' } };
  },
  'POST /api/v1/auth/logout': async (w) => ({ as: (await freshUser(w)).api, path: '/auth/logout' }),
  'GET /api/v1/users': async (w) => ({ as: w.admin, path: '/users' }),
  'PATCH /api/v1/users/{id}': async (w) => ({ as: w.c.api, path: `/users/${subOf(w.c.token)}`, body: { name: 'User of Valencia', language: 'es' } }),
};
