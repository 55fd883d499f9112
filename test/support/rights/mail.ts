import type { Right } from '../rights-matrix';

/** The rows of mail (src/mail); see rights-matrix.ts for what each field means. */
export const mailRights: Record<string, Right> = {
  'GET /api/v1/admin/mailbox': { access: 'admin', outsider: 403, call: () => ({}) },
  'POST /api/v1/admin/digests/run': { access: 'admin', outsider: 403, call: () => ({ body: { period: 'weekly' } }) },
  // The link itself is the proof (RFC 8058: no sign-in); a forged token is a 404, never a 401.
  'GET /api/v1/mail/unsubscribe': { access: 'public', call: () => ({ query: 'token=nobody.AAAA' }) },
  'POST /api/v1/mail/unsubscribe': { access: 'public', call: () => ({ query: 'token=nobody.AAAA', body: {} }) },
};
