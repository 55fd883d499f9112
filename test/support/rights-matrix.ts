import type { World } from './fixtures';
import { accountsRights } from './rights/accounts';
import { insightRights } from './rights/insight';
import { mailRights } from './rights/mail';
import { webhooksRights } from './rights/webhooks';

/**
 * Who may call each operation of the API, as the code decides it (the global AuthGuard in
 * src/auth/guards, @Public/@Authenticated/@Roles on the controllers, and the policies the
 * aggregates call first: project-policy.ts, practice-policy.ts, exchange.ts, city-policy.ts).
 * test/rights-matrix.e2e-spec.ts fails when an operation of the OpenAPI document has no row here.
 * It sends the refusals first, then each row's allowed calls in the order of this table (they
 * change state: a row that needs a state comes before the row that ends it, e.g. updates before
 * withdraw).
 *
 * - `public`: anyone, anonymous too.
 * - `signed-in`: any signed-in user, a user of an unrelated city too (401 for anonymous).
 * - `city-user`: a user of any city; an admin without a city is refused (403).
 * - `city-member`: a user of the city concerned (`members`) or an admin; an unrelated city's user
 *   is refused with `outsider` (403 unless the code answers otherwise, and says why).
 * - `admin`: admins only (403 for every city user).
 */
export type Access = 'public' | 'signed-in' | 'city-user' | 'city-member' | 'admin';

/** A request the allowed actors may send: rights are checked before state rules, so it may still be a 404/409. */
export interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Sent as text/csv instead of JSON. */
  csv?: string;
}

export interface Right {
  access: Access;
  /** city-member: the fixture cities entitled (see World: a leads and authors, b is partner and requester). */
  members?: ('a' | 'b')[];
  /** What a user of an unrelated city hears on a city-member or admin row. */
  outsider?: 403 | 404 | 409;
  /** Where the outsider is not answered 403: why, from the code. */
  why?: string;
  call(w: World): Call;
  /** The admin's request where an admin must name the city it acts for (else `call`). */
  adminCall?(w: World): Call;
  /** What the admin gets when it is not simply "not 401/403" (an admin without a city). */
  admin?: 403 | 404;
}

const none = (): Call => ({});
const project = (w: World, body?: unknown): Call => ({ params: { id: w.projectId }, body });
const practice = (w: World, body?: unknown): Call => ({ params: { id: w.practiceId }, body });
const comment = (w: World, body?: unknown): Call => ({ params: { id: w.commentId }, body });
const exchange = (w: World, body?: unknown): Call => ({ params: { id: w.exchangeId }, body });
const deadLetter = (): Call => ({ params: { id: '4b7c2a1e-0000-4000-a000-000000000000' } });
let unique = 0;
const next = () => `${Date.now().toString(36)}${++unique}`;

const CORE_RIGHTS: Record<string, Right> = {
  // Operations (src/ops): @Public.
  'GET /health': { access: 'public', call: none },
  'GET /health/live': { access: 'public', call: none },
  'GET /api/v1/admin/dead-letters': { access: 'admin', outsider: 403, call: none },
  'GET /api/v1/admin/audit-log': { access: 'admin', outsider: 403, call: none },
  'POST /api/v1/admin/dead-letters/{id}/retry': { access: 'admin', outsider: 403, call: deadLetter },
  'POST /api/v1/admin/dead-letters/{id}/skip': { access: 'admin', outsider: 403, call: deadLetter },

  // Auth (src/auth/auth.controller.ts).
  'POST /api/v1/auth/login': { access: 'public', call: () => ({ body: { email: 'admin@test.local', password: 'admin-password-1' } }) },
  'GET /api/v1/auth/me': { access: 'signed-in', call: none },
  'POST /api/v1/users': {
    access: 'admin',
    outsider: 403,
    call: (w) => ({ body: { email: `rights.${next()}@test.local`, password: 'city-password-1', name: 'Rights', role: 'city', cityId: w.c.cityId } }),
  },

  // Cities: reads open; register and import @Roles('admin'); a profile by its city (city-policy.ts).
  'GET /api/v1/cities': { access: 'public', call: none },
  'POST /api/v1/cities': {
    access: 'admin',
    outsider: 403,
    call: () => ({ body: { name: `Rightsville ${next()}`, country: 'PT', region: 'europe-north-america', field: 'music', designationYear: 2019 } }),
  },
  'POST /api/v1/cities/import': {
    access: 'admin',
    outsider: 403,
    call: () => ({ csv: `name,country,region,field,designationYear,lat,lng\nImportville ${next()},PT,europe-north-america,film,2019,,\n` }),
  },
  'GET /api/v1/cities/{id}': { access: 'public', call: (w) => ({ params: { id: w.a.cityId } }) },
  'PATCH /api/v1/cities/{id}': {
    access: 'city-member',
    members: ['a'],
    outsider: 403,
    call: (w) => ({ params: { id: w.a.cityId }, body: { description: 'Edited by the rights matrix' } }),
  },
  'GET /api/v1/cities/{id}/collaborations': { access: 'public', call: (w) => ({ params: { id: w.a.cityId } }) },
  'GET /api/v1/meta': { access: 'public', call: none },

  // Projects: reads open; the lead edits and drives the lifecycle (assertLead in project-policy.ts).
  'POST /api/v1/projects': {
    access: 'signed-in',
    call: () => ({
      body: {
        title: 'Rights',
        summary: 'A project of the rights matrix',
        fields: ['film'],
        actionAreas: ['research'],
        sectors: ['public'],
        sdgs: [4],
      },
    }),
    // An admin without a city must name the lead city (403 project.lead-city-required otherwise).
    adminCall: (w) => ({
      body: {
        title: 'Rights',
        summary: 'A project of the rights matrix',
        fields: ['film'],
        actionAreas: ['research'],
        sectors: ['public'],
        sdgs: [4],
        leadCityId: w.a.cityId,
      },
    }),
  },
  'GET /api/v1/projects': { access: 'public', call: none },
  'GET /api/v1/projects/{id}': { access: 'public', call: (w) => project(w) },
  'PATCH /api/v1/projects/{id}': { access: 'city-member', members: ['a'], outsider: 403, call: (w) => project(w, { title: 'Edited', version: 1 }) },
  'POST /api/v1/projects/{id}/invitations': {
    access: 'city-member',
    members: ['a'],
    outsider: 403,
    call: (w) => project(w, { cityId: w.c.cityId }),
  },
  // The invited city answers (assertActsFor): the outsider names B in the path, so it is refused.
  'POST /api/v1/projects/{id}/invitations/{cityId}/accept': {
    access: 'city-member',
    members: ['b'],
    outsider: 403,
    call: (w) => ({ params: { id: w.projectId, cityId: w.b.cityId }, body: {} }),
  },
  'POST /api/v1/projects/{id}/invitations/{cityId}/decline': {
    access: 'city-member',
    members: ['b'],
    outsider: 403,
    call: (w) => ({ params: { id: w.projectId, cityId: w.b.cityId }, body: {} }),
  },
  // Any city but the lead asks for itself (the lead: 409); an admin names the city.
  'POST /api/v1/projects/{id}/join-requests': {
    access: 'signed-in',
    call: (w) => project(w, { message: 'May we join?' }),
    adminCall: (w) => project(w, { cityId: w.c.cityId }),
  },
  'POST /api/v1/projects/{id}/join-requests/{cityId}/approve': {
    access: 'city-member',
    members: ['a'],
    outsider: 403,
    call: (w) => ({ params: { id: w.projectId, cityId: w.c.cityId }, body: {} }),
  },
  'POST /api/v1/projects/{id}/join-requests/{cityId}/reject': {
    access: 'city-member',
    members: ['a'],
    outsider: 403,
    call: (w) => ({ params: { id: w.projectId, cityId: w.c.cityId }, body: {} }),
  },
  // Before withdraw: B posts while still a partner (the allowed calls run in this order).
  'POST /api/v1/projects/{id}/updates': {
    access: 'city-member',
    members: ['a', 'b'],
    outsider: 403,
    call: (w) => project(w, { text: 'News from the rights matrix', kind: 'news' }),
  },
  'POST /api/v1/projects/{id}/withdraw': {
    access: 'city-member',
    members: ['b'],
    outsider: 409,
    why: 'withdraw acts for the caller’s own city (assertActsFor passes), and that city is not an accepted partner: 409 project.not-a-partner',
    call: (w) => project(w, {}),
    adminCall: (w) => project(w, { cityId: w.b.cityId }),
  },
  'GET /api/v1/projects/{id}/updates': { access: 'public', call: (w) => project(w) },
  'GET /api/v1/projects/{id}/timeline': { access: 'public', call: (w) => project(w) },
  'GET /api/v1/projects/{id}/partner-suggestions': { access: 'public', call: (w) => project(w) },
  'POST /api/v1/projects/{id}/start': { access: 'city-member', members: ['a'], outsider: 403, call: (w) => project(w, {}) },
  'POST /api/v1/projects/{id}/complete': { access: 'city-member', members: ['a'], outsider: 403, call: (w) => project(w, { outcome: 'Done' }) },
  'POST /api/v1/projects/{id}/cancel': { access: 'city-member', members: ['a'], outsider: 403, call: (w) => project(w, { reason: 'Rights' }) },

  // Practices: published ones are public; the author edits (assertAuthor); other cities engage.
  'POST /api/v1/practices': {
    access: 'signed-in',
    call: () => ({ body: practiceBody() }),
    adminCall: (w) => ({ body: { ...practiceBody(), authorCityId: w.a.cityId } }),
  },
  'GET /api/v1/practices': { access: 'public', call: none },
  'GET /api/v1/practices/{id}': { access: 'public', call: (w) => practice(w) },
  'PATCH /api/v1/practices/{id}': { access: 'city-member', members: ['a'], outsider: 403, call: (w) => practice(w, { title: 'Edited practice' }) },
  'GET /api/v1/practices/{id}/timeline': { access: 'public', call: (w) => practice(w) },
  // For the caller's own city; the author city gets 409 (its own practice), not 403.
  'POST /api/v1/practices/{id}/endorsements': {
    access: 'signed-in',
    call: (w) => practice(w, {}),
    adminCall: (w) => practice(w, { cityId: w.b.cityId }),
  },
  'DELETE /api/v1/practices/{id}/endorsements': {
    access: 'signed-in',
    call: (w) => practice(w),
    adminCall: (w) => ({ ...practice(w), query: `cityId=${w.b.cityId}` }),
  },
  'POST /api/v1/practices/{id}/comments': { access: 'signed-in', call: (w) => practice(w, { text: 'A comment of the rights matrix' }) },
  'GET /api/v1/practices/{id}/comments': { access: 'public', call: (w) => practice(w) },
  'POST /api/v1/practices/{id}/exchanges': {
    access: 'signed-in',
    call: (w) => practice(w, { message: 'Could we visit?', format: 'online' }),
    adminCall: (w) => practice(w, { message: 'Could we visit?', format: 'online', requesterCityId: w.c.cityId }),
  },

  // Exchanges: private to their two cities and admins (exchange.ts); the list is the caller's own.
  'GET /api/v1/exchanges': { access: 'signed-in', call: none },
  'GET /api/v1/exchanges/{id}': { access: 'city-member', members: ['a', 'b'], outsider: 403, call: (w) => exchange(w) },
  'POST /api/v1/exchanges/{id}/accept': { access: 'city-member', members: ['a'], outsider: 403, call: (w) => exchange(w, { message: 'Welcome' }) },
  'POST /api/v1/exchanges/{id}/decline': { access: 'city-member', members: ['a'], outsider: 403, call: (w) => exchange(w, { message: 'Sorry' }) },
  'POST /api/v1/exchanges/{id}/cancel': {
    access: 'city-member',
    members: ['b'],
    outsider: 403,
    call: (w) => exchange(w, { reason: 'Plans changed' }),
  },
  'POST /api/v1/exchanges/{id}/complete': {
    access: 'city-member',
    members: ['b'],
    outsider: 403,
    call: (w) => exchange(w, { feedback: 'Great', rating: 5 }),
  },

  // Moderation (moderation.controller.ts): anyone signed in reports; @Roles('admin') moderates.
  'POST /api/v1/practices/{id}/reports': { access: 'signed-in', call: (w) => practice(w, { reason: 'Spam?' }) },
  'POST /api/v1/comments/{id}/reports': { access: 'signed-in', call: (w) => comment(w, { reason: 'Rude?' }) },
  'GET /api/v1/reports': { access: 'admin', outsider: 403, call: none },
  'POST /api/v1/practices/{id}/hide': { access: 'admin', outsider: 403, call: (w) => practice(w, { reason: 'Moderated' }) },
  'POST /api/v1/practices/{id}/unhide': { access: 'admin', outsider: 403, call: (w) => practice(w, {}) },
  'POST /api/v1/comments/{id}/hide': { access: 'admin', outsider: 403, call: (w) => comment(w, { reason: 'Moderated' }) },
  'POST /api/v1/comments/{id}/unhide': { access: 'admin', outsider: 403, call: (w) => comment(w, {}) },

  // Notifications (@Authenticated): the caller's city's inbox only.
  'GET /api/v1/notifications': { access: 'signed-in', call: none },
  'GET /api/v1/notifications/unread-count': { access: 'signed-in', call: none },
  'POST /api/v1/notifications/read-all': { access: 'signed-in', call: none },
  'GET /api/v1/notifications/preferences': { access: 'signed-in', call: none },
  // Preferences belong to a city: a cityless admin is refused (403 notifications.no-city).
  'PUT /api/v1/notifications/preferences': { access: 'city-user', admin: 403, call: () => ({ body: { email: 'weekly', mutedTypes: [] } }) },
  // Another inbox's item is a 404, not a 403, so ids cannot be probed (mark-read.handler.ts); an admin has no inbox.
  'POST /api/v1/notifications/{id}/read': {
    access: 'city-member',
    members: ['a'],
    outsider: 404,
    why: 'another city’s inbox item is answered 404 so that ids cannot be probed (mark-read.handler.ts)',
    admin: 404,
    call: (w) => ({ params: { id: w.notificationId } }),
  },
};

/** Each module's rows live in its own file (so modules grow side by side); they run after the core rows. */
export const RIGHTS: Record<string, Right> = { ...CORE_RIGHTS, ...accountsRights, ...mailRights, ...webhooksRights, ...insightRights };

function practiceBody() {
  return {
    title: `Rights practice ${next()}`,
    summary: 'A practice of the rights matrix',
    body: 'Shared to check who may share.',
    field: 'film',
    sdgs: [4],
    tags: ['rights'],
    language: 'en',
  };
}
