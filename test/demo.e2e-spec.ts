import { EventLog } from '@app/events';
import { ApiClient, TestServices } from '@app/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { login, RunningApp, startApp } from './support/test-app';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run seed` as npm does, against a database of this file. Asynchronous on purpose: the
 * in-process MongoDB server lives in this process and must keep answering.
 */
function seedScript(args: string[], mongoUri: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'src/cli/seed.ts', ...args],
      { cwd: join(__dirname, '..'), env: { PATH: process.env.PATH ?? '', MONGODB_URI: mongoUri }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const SEEDED_CITIES = 'Seed cities: 11 registered, 0 already there (11 in the seed list).\n';
const CITIES_THERE = 'Seed cities: 0 registered, 11 already there (11 in the seed list).\n';
const DEMO_ADDED = 'Demo: 4 projects, 6 practices, 9 endorsements, 5 comments, 3 exchanges added.\n';
const DEMO_THERE = 'Demo: already there (10 projects and practices).\n';

type Item = { id: string; version: number; [key: string]: any };

/** What a newcomer finds over HTTP (as the admin: exchanges are for signed-in users). */
async function platform(api: ApiClient) {
  const admin = api.as(await login(api, 'admin@test.local', 'admin-password-1'));
  const list = async (path: string): Promise<Item[]> => {
    const res = await admin.get(path);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(res.body.total); // everything fits in one page
    return res.body.items;
  };
  const cities = await list('/cities?limit=100');
  const name = new Map(cities.map((c) => [c.id as string, c.name as string]));
  const [projects, practices, exchanges] = await Promise.all([
    list('/projects?limit=100'),
    list('/practices?limit=100'),
    list('/exchanges?limit=100'),
  ]);
  return { admin, cities, name, projects, practices, exchanges };
}

/** Ids and versions of everything the demo made: equal before and after a run that must change nothing. */
const fingerprint = ({ projects, practices, exchanges }: Awaited<ReturnType<typeof platform>>) =>
  [...projects, ...practices, ...exchanges].map((i) => `${i.id}@${i.version}`).sort();

/** The demo as the scenario tells it, read back over HTTP. */
async function expectDemo(api: ApiClient) {
  const p = await platform(api);
  const { admin, cities, name, projects, practices, exchanges } = p;
  const byName = (n: string) => cities.find((c) => c.name === n)!;

  // Projects: one in each state, between seed cities.
  expect(projects.map((x) => x.status).sort()).toEqual(['active', 'active', 'completed', 'proposed']);
  const music = projects.find((x) => name.get(x.leadCityId) === 'Sevilla')!;
  expect(music).toMatchObject({ status: 'active', fields: ['music', 'literature'] });
  expect(music.partners.map((x: Item) => [name.get(x.cityId), x.status])).toEqual([
    ['Llíria', 'accepted'],
    ['Granada', 'accepted'],
  ]);
  const updates = await admin.get(`/projects/${music.id}/updates`);
  expect(updates.body.items.map((u: Item) => u.kind).sort()).toEqual(['milestone', 'news']);
  const proposed = projects.find((x) => x.status === 'proposed')!;
  expect(name.get(proposed.leadCityId)).toBe('Bilbao');
  expect(proposed.partners.map((x: Item) => [name.get(x.cityId), x.status])).toEqual([
    ['Manises', 'accepted'],
    ['Valencia', 'invited'],
  ]);
  const completed = projects.find((x) => x.status === 'completed')!;
  expect(completed.outcome).toMatch(/desperdicio/);
  expect((await admin.get(`/projects/${completed.id}/timeline`)).body.map((e: Item) => e.type)).toEqual([
    'ProjectProposed',
    'PartnerInvited',
    'InvitationAccepted',
    'ProjectStarted',
    'ProjectUpdatePosted',
    'ProjectUpdatePosted',
    'ProjectCompleted',
  ]);

  // Practices: six, in Spanish and English, each in its author city's field, endorsed, commented on and asked for.
  expect(practices).toHaveLength(6);
  expect(practices.map((x) => x.language).sort()).toEqual(['en', 'en', 'en', 'es', 'es', 'es']);
  for (const x of practices) expect(x.field).toBe(cities.find((c) => c.id === x.authorCityId)!.field);
  const sum = (key: string) => practices.reduce((n, x) => n + (x[key] as number), 0);
  expect([sum('endorsementCount'), sum('commentCount'), sum('exchangeCount')]).toEqual([9, 5, 3]);
  const walks = practices.find((x) => x.authorCityId === byName('Granada').id)!;
  const comments = await admin.get(`/practices/${walks.id}/comments`);
  expect(comments.body.items).toEqual([expect.objectContaining({ authorCityId: byName('Barcelona').id, authorUserId: null })]);

  // Exchanges: one asked for, one accepted, one completed with feedback and a rating.
  expect(exchanges.map((x) => [name.get(x.requesterCityId), name.get(x.hostCityId), x.status]).sort()).toEqual([
    ['Barcelona', 'Granada', 'accepted'],
    ['Dénia', 'Burgos', 'completed'],
    ['Valencia', 'Bilbao', 'requested'],
  ]);
  expect(exchanges.find((x) => x.status === 'completed')).toMatchObject({ rating: 5, feedback: expect.stringMatching(/Dénia/) });
  return p;
}

// Each script is a fresh Node process that compiles TypeScript first: seconds each, more under load.
jest.setTimeout(180_000);

describe('Demo content: SEED_DEMO at start and npm run seed -- --demo', () => {
  let services: TestServices;
  let running: RunningApp | undefined;
  const events = async () => (await running!.app.get(EventLog).listAll({ limit: 100_000 })).length;

  beforeAll(async () => {
    services = await TestServices.start();
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  it('SEED_DEMO=true: the start plays the demo after the seed cities; a second start adds nothing', async () => {
    running = await startApp(services, { SEED_DEMO: 'true' });
    const first = await expectDemo(running.api);
    const stored = await events();
    await running.close();

    running = await startApp(services, { SEED_DEMO: 'true' });
    expect(fingerprint(await expectDemo(running.api))).toEqual(fingerprint(first));
    expect(await events()).toBe(stored);
  });

  it('npm run seed -- --demo on that database finds the demo already there and changes nothing', async () => {
    const before = await events();
    const run = await seedScript(['--demo'], services.mongoUri());
    expect(run).toMatchObject({ code: 0, stdout: CITIES_THERE + DEMO_THERE });
    expect(await events()).toBe(before);
  });

  it('npm run seed -- --demo on an empty database seeds the cities, then the demo; a second run adds nothing', async () => {
    await running?.close();
    running = undefined;
    const uri = services.mongoUri('-cli');
    const first = await seedScript(['--demo'], uri);
    expect(first).toMatchObject({ code: 0, stdout: SEEDED_CITIES + DEMO_ADDED });
    const second = await seedScript(['--demo'], uri);
    expect(second).toMatchObject({ code: 0, stdout: CITIES_THERE + DEMO_THERE });

    // A server on that database (not seeding itself) shows what the script stored, once.
    running = await startApp(services, { MONGODB_URI: uri, REDIS_KEY_PREFIX: `${services.redisPrefix}-cli`, SEED_ON_START: 'false' });
    await expectDemo(running.api);
  });

  it('npm run seed without --demo leaves the demo out; an unknown argument is a usage error', async () => {
    const uri = services.mongoUri('-plain');
    expect(await seedScript([], uri)).toMatchObject({ code: 0, stdout: SEEDED_CITIES });
    const wrong = await seedScript(['--demo', '--lorem'], uri);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('seed: unknown argument: --lorem');
    expect(wrong.stderr).toContain('usage: npm run seed [-- --demo]');
    const server = await startApp(services, { MONGODB_URI: uri, REDIS_KEY_PREFIX: `${services.redisPrefix}-plain`, SEED_ON_START: 'false' });
    try {
      expect((await server.api.get('/projects')).body.total).toBe(0);
      expect((await server.api.get('/practices')).body.total).toBe(0);
    } finally {
      await server.close();
    }
  });
});
