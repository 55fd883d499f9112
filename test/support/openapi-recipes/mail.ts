import { waitFor } from '@app/testing';
import { ok } from '../http-expectations';
import type { Call, Recipe, World } from './recipe';

/**
 * The path and query of an unsubscribe link, from a mail the development mailbox kept (the fixture
 * users are told at once by default, and the fixtures made notifications).
 */
async function unsubscribeLink(w: World): Promise<string> {
  return waitFor('a mail with an unsubscribe link', async () => {
    const items = (await ok(w.admin.get('/admin/mailbox?limit=1'))).items as { headers: Record<string, string> }[];
    const link = items[0]?.headers['List-Unsubscribe']?.slice(1, -1);
    if (!link) return undefined;
    const url = new URL(link);
    return `${url.pathname.replace(/^\/api\/v1/, '')}${url.search}`;
  });
}

/** The recipes of mail (src/mail: development mailbox, digests, unsubscribe). */
export const mailRecipes: Record<string, Recipe> = {
  'GET /api/v1/admin/mailbox': async (w) => ({ as: w.admin, path: '/admin/mailbox' }),
  'POST /api/v1/admin/digests/run': async (w) => ({ as: w.admin, path: '/admin/digests/run', body: { period: 'weekly' } }),
  'GET /api/v1/mail/unsubscribe': async (w): Promise<Call> => ({ as: w.api, path: await unsubscribeLink(w) }),
  'POST /api/v1/mail/unsubscribe': async (w): Promise<Call> => ({ as: w.api, path: await unsubscribeLink(w), body: {} }),
};
