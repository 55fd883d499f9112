import { ApiClient, TestServices, waitFor, type ApiResponse } from '@app/testing';
import { NotificationFanOut } from '../src/notifications/consumers/notification-fan-out.consumer';
import { createCityUser } from './support/city-users';
import { ok } from './support/http-expectations';
import { collidingModelNames } from './support/openapi-models';
import type { Recipe, World } from './support/openapi-recipes/recipe';
import { accountsRecipes } from './support/openapi-recipes/accounts';
import { insightRecipes } from './support/openapi-recipes/insight';
import { mailRecipes } from './support/openapi-recipes/mail';
import { webhooksRecipes } from './support/openapi-recipes/webhooks';
import { operationsOf, ResponseValidator, type DocumentedOperation } from './support/openapi-schemas';
import { requestExchange, sharePractice } from './support/practices';
import { proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';

/**
 * Issue #11: a web client's typed API client is generated from the OpenAPI document, so every
 * success answer must be what the document says. Each operation of the document is called for real,
 * on fixtures built through the API, and its body validated against its documented schema (strictly:
 * see support/openapi-schemas.ts). The list of operations comes from the document itself: a new route
 * fails here, by name, until it has a recipe below or a reasoned entry in SKIPPED.
 */

const BASE = '/api/v1';
/** The label of a read sent again after every other operation ran. */
const AGAIN = 'again, after every other operation';

/**
 * Operations not exercised, each with why. Keep it short: an entry here is a route whose answer a
 * client is generated from without proof.
 */
const SKIPPED: Record<string, string> = {};

/** A new project of A with B accepted (what `start` needs). */
async function projectWithPartner(w: World, title?: string): Promise<{ id: string }> {
  const project = await proposeProject(w.a, title);
  await ok(w.a.api.post(`/projects/${project.id}/invitations`, { cityId: w.b.cityId }));
  await ok(w.b.api.post(`/projects/${project.id}/invitations/${w.b.cityId}/accept`));
  return project;
}

/** A parked dead letter: a poisoned project's invitation, given up after the single attempt this app allows. */
async function parkedDeadLetter(w: World): Promise<string> {
  const project = await proposeProject(w.a);
  w.poisoned.add(project.id);
  await ok(w.a.api.post(`/projects/${project.id}/invitations`, { cityId: w.c.cityId }));
  return waitFor(
    'a parked dead letter',
    async () =>
      ((await ok(w.admin.get('/admin/dead-letters?status=parked&limit=100'))).items as { id: string; aggregateId: string }[]).find(
        (l) => l.aggregateId === project.id,
      )?.id,
    10_000,
  );
}

const CORE_RECIPES: Record<string, Recipe> = {
  'GET /health': async (w) => ({ as: w.api, path: '/health' }),
  'GET /health/live': async (w) => ({ as: w.api, path: '/health/live' }),

  'GET /api/v1/admin/dead-letters': async (w) => ({ as: w.admin, path: '/admin/dead-letters' }),
  'POST /api/v1/admin/dead-letters/{id}/retry': async (w) => ({
    as: w.admin,
    path: `/admin/dead-letters/${encodeURIComponent(await parkedDeadLetter(w))}/retry`,
  }),
  'POST /api/v1/admin/dead-letters/{id}/skip': async (w) => ({
    as: w.admin,
    path: `/admin/dead-letters/${encodeURIComponent(await parkedDeadLetter(w))}/skip`,
  }),
  'GET /api/v1/admin/audit-log': async (w) => ({ as: w.admin, path: '/admin/audit-log' }),

  'POST /api/v1/auth/login': async (w) => ({ as: w.api, path: '/auth/login', body: { email: 'admin@test.local', password: 'admin-password-1' } }),
  'GET /api/v1/auth/me': async (w) => ({ as: w.a.api, path: '/auth/me' }),
  'POST /api/v1/users': async (w) => ({
    as: w.admin,
    path: '/users',
    body: { email: 'new.user@test.local', password: 'city-password-1', name: 'New user', role: 'city', cityId: w.c.cityId },
  }),

  'GET /api/v1/cities': async (w) => ({ as: w.api, path: '/cities?q=sevilla' }),
  'POST /api/v1/cities': async (w) => ({
    as: w.admin,
    path: '/cities',
    body: {
      name: 'Bologna',
      country: 'IT',
      region: 'europe-north-america',
      field: 'music',
      designationYear: 2006,
      location: { lat: 44.49, lng: 11.34 },
    },
  }),
  'POST /api/v1/cities/import': async (w) => ({
    as: w.admin,
    path: '/cities/import?partial=true',
    body: 'name,country,region,field,designationYear,lat,lng\nDakar,SN,africa,media-arts,2014,14.69,-17.44\nAtlantis,XX,africa,music,2010,,',
    headers: { 'content-type': 'text/csv' },
  }),
  'GET /api/v1/cities/{id}': async (w) => ({ as: w.api, path: `/cities/${w.a.cityId}` }),
  'PATCH /api/v1/cities/{id}': async (w) => ({ as: w.a.api, path: `/cities/${w.a.cityId}`, body: { description: 'City of music' } }),
  'GET /api/v1/cities/{id}/collaborations': async (w) => {
    // The collaborations are a read model, written after the partnership's commit.
    await waitFor('the collaborations of A', async () => (await ok(w.api.get(`/cities/${w.a.cityId}/collaborations`))).total > 0, 10_000);
    return { as: w.api, path: `/cities/${w.a.cityId}/collaborations` };
  },
  'GET /api/v1/meta': async (w) => ({ as: w.api, path: '/meta?lang=es' }),

  'POST /api/v1/projects': async (w) => ({
    as: w.a.api,
    path: '/projects',
    body: {
      title: 'Sound of the rivers',
      summary: 'Field recordings along the rivers of three cities',
      fields: ['music'],
      actionAreas: ['pilot-projects'],
      sectors: ['public'],
      sdgs: [11],
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    },
  }),
  'GET /api/v1/projects': async (w) => ({ as: w.api, path: '/projects?sdg=11' }),
  'GET /api/v1/projects/{id}': async (w) => ({ as: w.api, path: `/projects/${w.projectId}` }),
  'PATCH /api/v1/projects/{id}': async (w) => {
    const project = await proposeProject(w.a);
    const { version } = await ok(w.api.get(`/projects/${project.id}`));
    return { as: w.a.api, path: `/projects/${project.id}`, body: { description: 'Now with a description', version } };
  },
  'POST /api/v1/projects/{id}/start': async (w) => ({ as: w.a.api, path: `/projects/${(await projectWithPartner(w)).id}/start` }),
  'POST /api/v1/projects/{id}/complete': async (w) => {
    const project = await projectWithPartner(w);
    await ok(w.a.api.post(`/projects/${project.id}/start`));
    return { as: w.a.api, path: `/projects/${project.id}/complete`, body: { outcome: 'Twelve concerts' } };
  },
  'POST /api/v1/projects/{id}/cancel': async (w) => ({
    as: w.a.api,
    path: `/projects/${(await proposeProject(w.a)).id}/cancel`,
    body: { reason: 'Funding fell through' },
  }),
  'POST /api/v1/projects/{id}/invitations': async (w) => ({
    as: w.a.api,
    path: `/projects/${(await proposeProject(w.a)).id}/invitations`,
    body: { cityId: w.c.cityId, message: 'Join us' },
  }),
  'POST /api/v1/projects/{id}/invitations/{cityId}/accept': async (w) => {
    const project = await proposeProject(w.a);
    await ok(w.a.api.post(`/projects/${project.id}/invitations`, { cityId: w.c.cityId }));
    return { as: w.c.api, path: `/projects/${project.id}/invitations/${w.c.cityId}/accept` };
  },
  'POST /api/v1/projects/{id}/invitations/{cityId}/decline': async (w) => {
    const project = await proposeProject(w.a);
    await ok(w.a.api.post(`/projects/${project.id}/invitations`, { cityId: w.c.cityId }));
    return { as: w.c.api, path: `/projects/${project.id}/invitations/${w.c.cityId}/decline` };
  },
  'POST /api/v1/projects/{id}/join-requests': async (w) => ({
    as: w.c.api,
    path: `/projects/${(await proposeProject(w.a)).id}/join-requests`,
    body: { message: 'May we join?' },
  }),
  'POST /api/v1/projects/{id}/join-requests/{cityId}/approve': async (w) => {
    const project = await proposeProject(w.a);
    await ok(w.c.api.post(`/projects/${project.id}/join-requests`, {}));
    return { as: w.a.api, path: `/projects/${project.id}/join-requests/${w.c.cityId}/approve` };
  },
  'POST /api/v1/projects/{id}/join-requests/{cityId}/reject': async (w) => {
    const project = await proposeProject(w.a);
    await ok(w.c.api.post(`/projects/${project.id}/join-requests`, {}));
    return { as: w.a.api, path: `/projects/${project.id}/join-requests/${w.c.cityId}/reject` };
  },
  'POST /api/v1/projects/{id}/withdraw': async (w) => ({ as: w.b.api, path: `/projects/${(await projectWithPartner(w)).id}/withdraw` }),
  'POST /api/v1/projects/{id}/updates': async (w) => ({
    as: w.b.api,
    path: `/projects/${w.projectId}/updates`,
    body: { text: 'Rehearsals begin', kind: 'milestone' },
  }),
  'GET /api/v1/projects/{id}/updates': async (w) => ({ as: w.api, path: `/projects/${w.projectId}/updates` }),
  'GET /api/v1/projects/{id}/timeline': async (w) => ({ as: w.api, path: `/projects/${w.projectId}/timeline` }),
  'GET /api/v1/projects/{id}/partner-suggestions': async (w) => ({ as: w.api, path: `/projects/${w.projectId}/partner-suggestions?limit=50` }),

  'POST /api/v1/practices': async (w) => ({
    as: w.a.api,
    path: '/practices',
    body: {
      title: 'Music in the markets',
      summary: 'Concerts in the covered markets on Saturdays',
      body: 'Local bands play in the covered markets every Saturday morning.',
      field: 'music',
      sdgs: [11],
      tags: ['markets'],
      language: 'es',
    },
  }),
  'GET /api/v1/practices': async (w) => ({ as: w.api, path: '/practices?sdg=11' }),
  'GET /api/v1/practices/{id}': async (w) => ({ as: w.b.api, path: `/practices/${w.practiceId}` }),
  'PATCH /api/v1/practices/{id}': async (w) => ({
    as: w.a.api,
    path: `/practices/${(await sharePractice(w.a)).id}`,
    body: { outcomes: 'Thirty shops' },
  }),
  'GET /api/v1/practices/{id}/timeline': async (w) => ({ as: w.a.api, path: `/practices/${w.practiceId}/timeline` }),
  'POST /api/v1/practices/{id}/endorsements': async (w) => ({ as: w.c.api, path: `/practices/${(await sharePractice(w.a)).id}/endorsements` }),
  'DELETE /api/v1/practices/{id}/endorsements': async (w) => {
    const practice = await sharePractice(w.a);
    await ok(w.c.api.post(`/practices/${practice.id}/endorsements`));
    return { as: w.c.api, path: `/practices/${practice.id}/endorsements` };
  },
  'POST /api/v1/practices/{id}/comments': async (w) => ({ as: w.c.api, path: `/practices/${w.practiceId}/comments`, body: { text: 'Inspiring' } }),
  'GET /api/v1/practices/{id}/comments': async (w) => ({ as: w.api, path: `/practices/${w.practiceId}/comments` }),
  'POST /api/v1/practices/{id}/exchanges': async (w) => ({
    as: w.c.api,
    path: `/practices/${(await sharePractice(w.a)).id}/exchanges`,
    body: { message: 'May we visit?', format: 'study-visit', proposedDates: { from: '2027-05-04', to: '2027-05-08' } },
  }),
  'GET /api/v1/exchanges': async (w) => ({ as: w.a.api, path: '/exchanges' }),
  'GET /api/v1/exchanges/{id}': async (w) => ({ as: w.b.api, path: `/exchanges/${w.exchangeId}` }),
  'POST /api/v1/exchanges/{id}/accept': async (w) => ({
    as: w.a.api,
    path: `/exchanges/${(await requestExchange(w.b, (await sharePractice(w.a)).id)).id}/accept`,
    body: { message: 'Welcome' },
  }),
  'POST /api/v1/exchanges/{id}/decline': async (w) => ({
    as: w.a.api,
    path: `/exchanges/${(await requestExchange(w.b, (await sharePractice(w.a)).id)).id}/decline`,
    body: { message: 'Not this year' },
  }),
  'POST /api/v1/exchanges/{id}/cancel': async (w) => ({
    as: w.b.api,
    path: `/exchanges/${(await requestExchange(w.b, (await sharePractice(w.a)).id)).id}/cancel`,
    body: { reason: 'Plans changed' },
  }),
  'POST /api/v1/exchanges/{id}/complete': async (w) => {
    const exchange = await requestExchange(w.b, (await sharePractice(w.a)).id);
    await ok(w.a.api.post(`/exchanges/${exchange.id}/accept`, {}));
    return { as: w.b.api, path: `/exchanges/${exchange.id}/complete`, body: { feedback: 'Very useful', rating: 5 } };
  },

  'POST /api/v1/practices/{id}/reports': async (w) => ({ as: w.c.api, path: `/practices/${w.practiceId}/reports`, body: { reason: 'Off topic' } }),
  'POST /api/v1/comments/{id}/reports': async (w) => ({ as: w.a.api, path: `/comments/${w.commentId}/reports`, body: { reason: 'Spam' } }),
  'GET /api/v1/reports': async (w) => ({ as: w.admin, path: '/reports' }),
  'POST /api/v1/practices/{id}/hide': async (w) => ({
    as: w.admin,
    path: `/practices/${(await sharePractice(w.a)).id}/hide`,
    body: { reason: 'Spam' },
  }),
  'POST /api/v1/practices/{id}/unhide': async (w) => {
    const practice = await sharePractice(w.a);
    await ok(w.admin.post(`/practices/${practice.id}/hide`, { reason: 'Spam' }));
    return { as: w.admin, path: `/practices/${practice.id}/unhide` };
  },
  'POST /api/v1/comments/{id}/hide': async (w) => {
    const comment = await ok(w.b.api.post(`/practices/${w.practiceId}/comments`, { text: 'Buy now' }));
    return { as: w.admin, path: `/comments/${comment.id}/hide`, body: { reason: 'Spam' } };
  },
  'POST /api/v1/comments/{id}/unhide': async (w) => {
    const comment = await ok(w.b.api.post(`/practices/${w.practiceId}/comments`, { text: 'Buy now' }));
    await ok(w.admin.post(`/comments/${comment.id}/hide`, { reason: 'Spam' }));
    return { as: w.admin, path: `/comments/${comment.id}/unhide` };
  },

  'GET /api/v1/notifications': async (w) => ({ as: w.a.api, path: '/notifications' }),
  'GET /api/v1/notifications/unread-count': async (w) => ({ as: w.a.api, path: '/notifications/unread-count' }),
  'POST /api/v1/notifications/read-all': async (w) => ({ as: w.b.api, path: '/notifications/read-all' }),
  'GET /api/v1/notifications/preferences': async (w) => ({ as: w.a.api, path: '/notifications/preferences' }),
  'PUT /api/v1/notifications/preferences': async (w) => ({
    as: w.c.api,
    path: '/notifications/preferences',
    body: { email: 'daily', mutedTypes: ['PracticeCommented'], version: 0 },
  }),
  'POST /api/v1/notifications/{id}/read': async (w) => ({ as: w.a.api, path: `/notifications/${w.notificationId}/read` }),
};

/** Each module's recipes live in its own file (so modules grow side by side). */
const RECIPES: Record<string, Recipe> = { ...CORE_RECIPES, ...accountsRecipes, ...mailRecipes, ...webhooksRecipes, ...insightRecipes };

/** Builds the shared fixtures through the API, so that every list has at least one item to check. */
async function buildWorld(running: RunningApp, poisoned: Set<string>): Promise<World> {
  const api = running.api;
  const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
  const admin = api.as(adminToken);
  const [a, b, c] = await Promise.all(['sevilla', 'lliria', 'valencia'].map((q) => createCityUser(api, adminToken, q)));
  const w: World = { api, admin, a, b, c, projectId: '', practiceId: '', commentId: '', exchangeId: '', notificationId: '', poisoned };

  w.projectId = (await projectWithPartner(w, 'Music for all')).id;
  await ok(b.api.post(`/projects/${w.projectId}/updates`, { text: 'First rehearsal', kind: 'news' }));
  // A practice of B in the project's field: what partner suggestions are made of.
  await sharePractice(b, { field: 'music' });
  const practice = await sharePractice(a);
  w.practiceId = practice.id;
  w.commentId = (await ok(b.api.post(`/practices/${practice.id}/comments`, { text: 'We would love to try this' }))).id;
  await ok(b.api.post(`/practices/${practice.id}/endorsements`));
  await ok(b.api.post(`/practices/${practice.id}/reports`, { reason: 'Duplicate of another practice' }));
  w.exchangeId = (await requestExchange(b, practice.id, { proposedDates: { from: '2027-05-04', to: '2027-05-08' } })).id;
  w.notificationId = await waitFor(
    'an item in A’s inbox',
    async () => (await ok(a.api.get('/notifications?limit=1'))).items[0]?.id as string | undefined,
    10_000,
  );
  await waitFor('an item in B’s inbox', async () => (await ok(b.api.get('/notifications/unread-count'))).count > 0, 10_000);
  await parkedDeadLetter(w);
  return w;
}

/** The members whose arrays must not be empty for the check to prove anything about their items. */
function emptyLists(body: unknown): string[] {
  if (Array.isArray(body)) return body.length === 0 ? ['(body)'] : [];
  if (body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items) && (body as { items: unknown[] }).items.length === 0)
    return ['items'];
  return [];
}

/** A request as sent: the token, the URL under the origin, the body and headers. */
interface Sent {
  token?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An answer, or why the operation could not be exercised. */
type Answer = { response: ApiResponse<any>; raw: string } | { failure: string };

/** `url` with every path parameter of `template` replaced by an id that names nothing; undefined when it has none. */
function withUnknownIds(template: string, url: string): string | undefined {
  if (!template.includes('{')) return undefined;
  const [path, query] = url.split('?');
  const segments = path.split('/');
  const names = template.split('/');
  const replaced = segments.map((segment, i) => (/^\{\w+\}$/.test(names[i] ?? '') ? 'no-such-id' : segment));
  return replaced.join('/') + (query === undefined ? '' : `?${query}`);
}

/** Whether `url` is a request to the route `template` (a recipe must aim at its own operation). */
function matchesTemplate(template: string, url: string): boolean {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}|\{\w+\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(url.split('?')[0]);
}

describe('OpenAPI responses: every answer matches its documented status and schema', () => {
  let services: TestServices;
  let running: RunningApp;
  let doc: any;
  let validator: ResponseValidator;
  let operations: DocumentedOperation[];
  const answers = new Map<string, Answer>();
  /** Per operation: the answers to the same request sent again (reads), without its token, and aimed at unknown ids. */
  const probes = new Map<string, { label: string; answer: Answer }[]>();

  const send = async (method: string, sent: Sent): Promise<Answer> => {
    const response = await new ApiClient(running.origin, sent.token).request(method, sent.url, sent.body, sent.headers);
    return { response, raw: typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '') };
  };

  /** What is wrong with an answer of `op` against the document: an undocumented status, content type or body. */
  const conformance = (op: DocumentedOperation, answer: Answer): string[] => {
    if ('failure' in answer) return [answer.failure];
    const { response, raw } = answer;
    const status = String(response.status);
    const documented = op.responses[status];
    if (!documented) return [`answered ${status}, documented ${Object.keys(op.responses).join('/')}: ${raw.slice(0, 200)}`];
    const content = Object.entries(documented.content ?? {});
    if (content.length === 0) return raw === '""' || raw === '' ? [] : [`documents no body for ${status} but answered ${raw.slice(0, 200)}`];
    const contentType = response.headers.get('content-type')?.split(';')[0].trim() ?? '';
    const match = content.find(([type]) => type === contentType);
    if (!match) return [`answered ${status} as ${contentType || 'no content type'}, documented ${content.map(([type]) => type).join(', ')}`];
    if (!match[1].schema) return [`${status} ${contentType} has no schema`];
    return validator.errors(match[1].schema, response.body).map((error) => `${status}: ${error}`);
  };

  beforeAll(async () => {
    services = await TestServices.start();
    // One attempt per event: a poisoned event becomes a dead letter at once.
    running = await startApp(services, { CONSUMER_MAX_ATTEMPTS: '1' });
    doc = await (await fetch(`${running.origin}/docs-json`)).json();
    validator = new ResponseValidator(doc);
    operations = operationsOf(doc);
    // The fan-out refuses the events of poisoned projects, as it would a poison event: they become dead letters.
    const poisoned = new Set<string>();
    const fanOut = running.app.get(NotificationFanOut, { strict: false });
    const handle = fanOut.handle.bind(fanOut);
    fanOut.handle = async (event) => {
      if (poisoned.has(event.aggregateId) && event.type !== 'ProjectProposed') throw new Error('poisoned for the dead-letter fixtures');
      return handle(event);
    };
    const w = await buildWorld(running, poisoned);

    const sentBy = new Map<string, Sent>();
    for (const op of operations) {
      const recipe = RECIPES[op.key];
      if (!recipe || op.key in SKIPPED) continue;
      try {
        const call = await recipe(w);
        const url = call.path.startsWith('/health') ? call.path : BASE + call.path;
        if (!matchesTemplate(op.path, url)) throw new Error(`the recipe sends ${url}, not a request to ${op.path}`);
        const body = call.body ?? (op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH' ? {} : undefined);
        const sent = { token: tokenOf(call.as), url, body, headers: call.headers };
        sentBy.set(op.key, sent);
        answers.set(op.key, await send(op.method, sent));
      } catch (error) {
        answers.set(op.key, { failure: `fixture failed: ${(error as Error).message}` });
      }
    }
    // Reads again, now that every other operation has run: lists hold items in every state (hidden, cancelled,
    // completed, read…), and an admin sees what others do not (hidden items, reports).
    const adminToken = tokenOf(w.admin);
    for (const op of operations) {
      const sent = sentBy.get(op.key);
      if (!sent || op.method !== 'GET') continue;
      const list = [{ label: AGAIN, answer: await send(op.method, sent) }];
      if (sent.token !== adminToken) list.push({ label: 'as an admin', answer: await send(op.method, { ...sent, token: adminToken }) });
      probes.set(op.key, list);
    }
    // Error answers are part of the contract too: the two every client meets, on the requests above.
    for (const op of operations) {
      const sent = sentBy.get(op.key);
      if (!sent) continue;
      const list = probes.get(op.key) ?? [];
      if (sent.token) list.push({ label: 'without a token', answer: await send(op.method, { ...sent, token: undefined }) });
      const unknown = withUnknownIds(op.path, sent.url);
      if (unknown) list.push({ label: 'with unknown ids', answer: await send(op.method, { ...sent, url: unknown }) });
      probes.set(op.key, list);
    }
  }, 180_000);

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  it('exercises every operation of the document (or skips it, with a reason)', () => {
    expect(operations.length).toBeGreaterThan(50);
    const keys = new Set(operations.map((op) => op.key));
    expect(operations.filter((op) => !RECIPES[op.key] && !(op.key in SKIPPED)).map((op) => `${op.key}: no recipe`)).toEqual([]);
    // A recipe or skip for an operation the document lost is stale: the route was renamed or removed.
    expect([...Object.keys(RECIPES), ...Object.keys(SKIPPED)].filter((key) => !keys.has(key)).map((key) => `${key}: not in the document`)).toEqual(
      [],
    );
    expect(Object.keys(RECIPES).filter((key) => key in SKIPPED)).toEqual([]);
  });

  it('answers a documented success status, with the documented content type and a body of the documented schema', () => {
    const problems: string[] = [];
    for (const op of operations) {
      const answer = answers.get(op.key);
      if (!answer) continue;
      if (!('failure' in answer) && !/^2\d\d$/.test(String(answer.response.status))) {
        problems.push(`${op.key}: could not be exercised, answered ${answer.response.status} ${answer.raw.slice(0, 300)}`);
        continue;
      }
      problems.push(...conformance(op, answer).map((problem) => `${op.key}: ${problem}`));
      if (!('failure' in answer))
        for (const list of emptyLists(answer.response.body))
          problems.push(`${op.key}: ${list} is empty, so its items were not checked (build a fixture)`);
    }
    expect(problems).toEqual([]);
  });

  it('answers reads again (every state, and as an admin), and requests without a token or at unknown ids, as documented', () => {
    const problems: string[] = [];
    for (const op of operations)
      for (const { label, answer } of probes.get(op.key) ?? []) {
        problems.push(...conformance(op, answer).map((problem) => `${op.key} ${label}: ${problem}`));
        if (label === AGAIN && !('failure' in answer) && answer.response.status >= 300)
          problems.push(`${op.key} ${label}: answered ${answer.response.status}`);
        if (label !== 'without a token' || 'failure' in answer) continue;
        // `security` tells a client whether to send its token: required when anonymous is refused, optional or absent otherwise.
        const needsToken = !!op.security?.length && !op.security.some((requirement) => Object.keys(requirement).length === 0);
        if (answer.response.status === 401 && !needsToken)
          problems.push(`${op.key}: refuses anonymous callers, but its security does not require a token`);
        if (answer.response.status < 300 && needsToken) problems.push(`${op.key}: serves anonymous callers, but its security requires a token`);
      }
    expect(problems).toEqual([]);
  });

  // What every client can count on, read from the document alone.
  it('documents the problem+json errors consistently', () => {
    const PROBLEM_REF = '#/components/schemas/Problem';
    const problems: string[] = [];
    for (const op of operations) {
      const statuses = Object.keys(op.responses);
      const needs = (status: string, why: string) => !statuses.includes(status) && problems.push(`${op.key}: ${why} but ${status} is not documented`);
      if (op.requestBody) needs('400', 'takes a body');
      if (op.parameters.some((p) => p.in === 'query')) needs('400', 'takes query parameters');
      if (op.parameters.some((p) => p.in === 'path')) needs('404', 'names a resource in its path');
      // A token that is sent must be valid, so every route that reads one can answer 401; login's 401 is wrong credentials.
      if (op.security?.length) needs('401', 'reads a bearer token');
      else if (statuses.includes('401') && op.key !== 'POST /api/v1/auth/login') problems.push(`${op.key}: documents 401 but no bearer security`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        const content = Object.entries(response.content ?? {});
        const schema = content[0]?.[1].schema as { $ref?: string; allOf?: { $ref?: string }[] } | undefined;
        const isProblem = schema?.$ref === PROBLEM_REF || schema?.allOf?.[0]?.$ref === PROBLEM_REF;
        if (content.length !== 1 || content[0][0] !== 'application/problem+json' || !isProblem)
          problems.push(`${op.key}: ${status} is not documented as application/problem+json with the Problem schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives each schema name to one shape of model (swagger would keep one and document the others with it)', () => {
    expect(collidingModelNames(running.app)).toEqual([]);
  });

  it('gives every operation a summary and a documented success answer', () => {
    const undocumented = operations.filter((op) => !op.summary?.trim() || !Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)));
    expect(undocumented.map((op) => op.key)).toEqual([]);
  });

  // The checks above can fail: a real body, changed the ways a view can drift from its schema, is refused.
  it('refuses a body with an undocumented member, a missing member, a wrong type or an unexpected null', () => {
    const me = answers.get('GET /api/v1/auth/me');
    const page = answers.get('GET /api/v1/projects');
    if (!me || 'failure' in me || !page || 'failure' in page) throw new Error('GET /auth/me and GET /projects are the samples of this check');
    const schemaOf = (key: string) => operations.find((op) => op.key === key)!.responses['200'].content!['application/json'].schema;
    const user = me.response.body;
    expect(validator.errors(schemaOf('GET /api/v1/auth/me'), user)).toEqual([]);
    expect(validator.errors(schemaOf('GET /api/v1/auth/me'), { ...user, passwordHash: 'x' })).toEqual(['(body): undocumented member "passwordHash"']);
    const { email: _email, ...withoutEmail } = user;
    expect(validator.errors(schemaOf('GET /api/v1/auth/me'), withoutEmail)).toEqual(['(body): missing "email"']);
    expect(validator.errors(schemaOf('GET /api/v1/auth/me'), { ...user, version: '1' })).toEqual([
      expect.stringMatching(/^\/version: must be number/),
    ]);
    expect(validator.errors(schemaOf('GET /api/v1/auth/me'), { ...user, name: null })).toEqual([expect.stringMatching(/^\/name: must be string/)]);
    expect(validator.errors(schemaOf('GET /api/v1/auth/me'), { ...user, cityId: null })).toEqual([]);
    expect(validator.errors(schemaOf('GET /api/v1/auth/me'), { ...user, createdAt: 'yesterday' })).toEqual([
      expect.stringMatching(/^\/createdAt: must match format "date-time"/),
    ]);
    // Through a page and a $ref: the item is checked as strictly.
    const projects = page.response.body;
    const item = { ...projects.items[0], secret: true };
    expect(validator.errors(schemaOf('GET /api/v1/projects'), { ...projects, items: [item] })).toEqual(['/items/0: undocumented member "secret"']);
  });
});

/** The bearer token a recipe's client carries (ApiClient keeps it private). */
function tokenOf(client: ApiClient): string | undefined {
  return (client as unknown as { token?: string }).token;
}
