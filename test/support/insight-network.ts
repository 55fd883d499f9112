import { waitFor, type ApiClient } from '@app/testing';
import { Subscriptions } from '@app/events';
import type { CityUser } from './city-users';
import { ok } from './http-expectations';
import { practiceBody } from './practices';
import { login, type RunningApp } from './test-app';

/**
 * A small network built through the API for the insight suites (the app runs without seed cities,
 * so every count is known): five cities in four regions, four projects, four practices (one hidden),
 * endorsements and exchanges. The comments say what each step adds to the statistics.
 */
export interface InsightNetwork {
  admin: ApiClient;
  /** Europe and North America, music, with a location. */
  sevilla: CityUser;
  /** Europe and North America, music. */
  bologna: CityUser;
  /** Africa, media arts, with a location. */
  dakar: CityUser;
  /** Latin America and the Caribbean, music. */
  salvador: CityUser;
  /** Arab States, crafts and folk art. */
  amman: CityUser;
  projects: { p1: string; p2: string; p3: string; p4: string };
  practices: { carnival: string; medialabs: string; hidden: string; flamenco: string };
  exchanges: { x1: string; x2: string; x3: string; x4: string };
}

export const NETWORK_CITIES = {
  sevilla: {
    name: 'Sevilla',
    country: 'ES',
    region: 'europe-north-america',
    field: 'music',
    designationYear: 2006,
    location: { lat: 37.39, lng: -5.98 },
    languages: ['es'],
  },
  bologna: { name: 'Bologna', country: 'IT', region: 'europe-north-america', field: 'music', designationYear: 2006, languages: ['it'] },
  dakar: {
    name: 'Dakar',
    country: 'SN',
    region: 'africa',
    field: 'media-arts',
    designationYear: 2014,
    location: { lat: 14.69, lng: -17.44 },
    languages: ['fr'],
  },
  salvador: { name: 'Salvador', country: 'BR', region: 'latin-america-caribbean', field: 'music', designationYear: 2015, languages: ['pt'] },
  amman: { name: 'Amman', country: 'JO', region: 'arab-states', field: 'crafts-folk-art', designationYear: 2017, languages: ['ar'] },
} as const;

let users = 0;

async function cityWithUser(running: RunningApp, admin: ApiClient, body: object): Promise<CityUser> {
  const city = await ok(admin.post('/cities', body));
  const email = `insight.${++users}.${Date.now().toString(36)}@test.local`;
  await ok(admin.post('/users', { email, password: 'city-password-1', name: `User of ${city.name}`, role: 'city', cityId: city.id }));
  const token = await login(running.api, email, 'city-password-1');
  return { cityId: city.id, token, api: running.api.as(token) };
}

const project = (title: string, fields: string[], sdgs: number[]) => ({
  title,
  summary: `${title}: a joint programme`,
  fields,
  actionAreas: ['pilot-projects'],
  sectors: ['public'],
  sdgs,
});

export async function buildInsightNetwork(running: RunningApp): Promise<InsightNetwork> {
  const admin = running.api.as(await login(running.api, 'admin@test.local', 'admin-password-1'));
  const sevilla = await cityWithUser(running, admin, NETWORK_CITIES.sevilla);
  const bologna = await cityWithUser(running, admin, NETWORK_CITIES.bologna);
  const dakar = await cityWithUser(running, admin, NETWORK_CITIES.dakar);
  const salvador = await cityWithUser(running, admin, NETWORK_CITIES.salvador);
  const amman = await cityWithUser(running, admin, NETWORK_CITIES.amman);

  // P1: Sevilla leads, Dakar and Salvador accept, started: shared, across three regions.
  const p1 = (await ok(sevilla.api.post('/projects', project('Rhythms across the sea', ['music'], [11, 4])))).id;
  for (const partner of [dakar, salvador]) {
    await ok(sevilla.api.post(`/projects/${p1}/invitations`, { cityId: partner.cityId }));
    await ok(partner.api.post(`/projects/${p1}/invitations/${partner.cityId}/accept`));
  }
  await ok(sevilla.api.post(`/projects/${p1}/start`));
  // P2: Sevilla leads, Bologna accepts, completed: shared, within Europe.
  const p2 = (await ok(sevilla.api.post('/projects', project('Old town sounds <live>', ['music'], [11])))).id;
  await ok(sevilla.api.post(`/projects/${p2}/invitations`, { cityId: bologna.cityId }));
  await ok(bologna.api.post(`/projects/${p2}/invitations/${bologna.cityId}/accept`));
  await ok(sevilla.api.post(`/projects/${p2}/start`));
  await ok(sevilla.api.post(`/projects/${p2}/complete`, { outcome: 'Twelve concerts' }));
  // P3: Amman leads, Sevilla declines, cancelled: no collaboration.
  const p3 = (await ok(amman.api.post('/projects', project('Weaving futures', ['crafts-folk-art'], [5, 8])))).id;
  await ok(amman.api.post(`/projects/${p3}/invitations`, { cityId: sevilla.cityId }));
  await ok(sevilla.api.post(`/projects/${p3}/invitations/${sevilla.cityId}/decline`));
  await ok(amman.api.post(`/projects/${p3}/cancel`, { reason: 'No partner yet' }));
  // P4: Dakar leads, Salvador joins then withdraws: no collaboration now.
  const p4 = (await ok(dakar.api.post('/projects', project('Digital griots', ['media-arts', 'music'], [4])))).id;
  await ok(salvador.api.post(`/projects/${p4}/join-requests`, {}));
  await ok(dakar.api.post(`/projects/${p4}/join-requests/${salvador.cityId}/approve`));
  await ok(salvador.api.post(`/projects/${p4}/withdraw`));

  // Practices: titles and summaries a spreadsheet would take for formulas; Amman's is hidden.
  const share = async (author: CityUser, overrides: Record<string, unknown>) =>
    (await ok(author.api.post('/practices', practiceBody(overrides)))).id as string;
  const carnival = await share(salvador, {
    title: '=Carnival schools',
    field: 'music',
    sdgs: [4, 11],
    tags: ['carnival', 'percussion'],
    actionArea: 'research',
  });
  const medialabs = await share(dakar, {
    title: 'Media labs',
    summary: '-Labs in every district, "open" late',
    field: 'media-arts',
    sdgs: [9],
    tags: ['labs'],
    language: 'fr',
  });
  const hidden = await share(amman, { title: 'Hidden craft fair', field: 'crafts-folk-art', sdgs: [8] });
  const flamenco = await share(sevilla, { title: 'Flamenco schools', field: 'music', sdgs: [4], tags: ['flamenco'] });
  // Sevilla endorsed Amman's before it was hidden: gone from Sevilla's report, as the practice is from its sight.
  await ok(sevilla.api.post(`/practices/${hidden}/endorsements`));
  await ok(admin.post(`/practices/${hidden}/hide`, { reason: 'Advertising' }));

  // Endorsements: Sevilla and Bologna endorse Carnival, Dakar endorses Flamenco; Sevilla's of Media labs is withdrawn.
  await ok(sevilla.api.post(`/practices/${carnival}/endorsements`));
  await ok(bologna.api.post(`/practices/${carnival}/endorsements`));
  await ok(dakar.api.post(`/practices/${flamenco}/endorsements`));
  await ok(sevilla.api.post(`/practices/${medialabs}/endorsements`));
  await ok(sevilla.api.delete(`/practices/${medialabs}/endorsements`));

  // Exchanges: x1 Sevilla at Salvador, completed (5); x2 Dakar at Sevilla, completed (3); x3 Bologna at Sevilla, declined; x4 Amman at Dakar, open.
  const ask = async (requester: CityUser, practiceId: string, format = 'study-visit') =>
    (await ok(requester.api.post(`/practices/${practiceId}/exchanges`, { message: 'May we visit?', format }))).id as string;
  const x1 = await ask(sevilla, carnival);
  await ok(salvador.api.post(`/exchanges/${x1}/accept`, {}));
  await ok(sevilla.api.post(`/exchanges/${x1}/complete`, { feedback: 'Inspiring', rating: 5 }));
  const x2 = await ask(dakar, flamenco, 'mentoring');
  await ok(sevilla.api.post(`/exchanges/${x2}/accept`, {}));
  await ok(dakar.api.post(`/exchanges/${x2}/complete`, { feedback: 'Useful', rating: 3 }));
  const x3 = await ask(bologna, flamenco, 'online');
  await ok(sevilla.api.post(`/exchanges/${x3}/decline`, {}));
  const x4 = await ask(amman, medialabs);

  await insightCaughtUp(running);
  return {
    admin,
    sevilla,
    bologna,
    dakar,
    salvador,
    amman,
    projects: { p1, p2, p3, p4 },
    practices: { carnival, medialabs, hidden, flamenco },
    exchanges: { x1, x2, x3, x4 },
  };
}

/** Waits until every insight read model has applied the whole log (they write asynchronously). */
export async function insightCaughtUp(running: RunningApp): Promise<void> {
  const subscriptions = running.app.get(Subscriptions);
  await waitFor(
    'the insight read models to catch up with the log',
    async () => (await subscriptions.status()).filter((s) => s.name.startsWith('insight.')).every((s) => s.lag === 0),
    15_000,
  );
}

/** Rebuilds every insight read model from the log, as `npm run rebuild:read-models` does. */
export async function rebuildInsight(running: RunningApp): Promise<string[]> {
  const subscriptions = running.app.get(Subscriptions);
  const names = subscriptions.projections().filter((name) => name.startsWith('insight.'));
  for (const name of names) await subscriptions.rebuild(name);
  return names;
}
