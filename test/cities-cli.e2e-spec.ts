import { EventLog, Subscriptions, UnitOfWork } from '@app/events';
import { TestServices, waitFor } from '@app/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { RunningApp, startApp } from './support/test-app';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a maintenance script as `npm run …` does, against this file's database. Asynchronous on
 * purpose: the in-process MongoDB server lives in this process and must keep answering.
 */
function script(file: string, args: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', `src/cli/${file}`, ...args],
      { cwd: join(__dirname, '..'), env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// Each script is a fresh Node process that compiles TypeScript first: seconds each, more under load.
jest.setTimeout(120_000);

describe('Cities scripts: npm run seed, import:cities, rebuild:read-models', () => {
  let services: TestServices;
  let running: RunningApp;
  let dir: string;
  let env: Record<string, string>;
  const registered = async () => (await running.app.get(EventLog).listAll({ limit: 10_000 })).filter((e) => e.type === 'CityRegistered');

  beforeAll(async () => {
    services = await TestServices.start();
    // The server runs without seeding, so the scripts are what fills the database here.
    running = await startApp(services, { SEED_ON_START: 'false' });
    env = { MONGODB_URI: services.mongoUri() };
    dir = await mkdtemp(join(tmpdir(), 'cities-cli-'));
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('seeds the 11 cities once: a second run changes nothing', async () => {
    expect((await running.api.get('/cities')).body.total).toBe(0);
    const first = await script('seed.ts', [], env);
    expect(first).toMatchObject({ code: 0, stdout: 'Seed cities: 11 registered, 0 already there (11 in the seed list).\n' });
    const second = await script('seed.ts', [], env);
    expect(second.stdout).toBe('Seed cities: 0 registered, 11 already there (11 in the seed list).\n');
    expect((await running.api.get('/cities?q=lliria')).body.items[0].name).toBe('Llíria');
    expect(await registered()).toHaveLength(11);
    // The script only stores its events; the server's consumers find them in the log (poll or nudge) and move past them.
    const lastSeq = Math.max(...(await registered()).map((e) => e.seq));
    await waitFor('every consumer of the server to read past the script’s events', async () =>
      (await running.app.get(Subscriptions).status()).every((c) => c.checkpoint >= lastSeq),
    );
  });

  it('imports all or nothing, lists every bad row, imports the good ones with --partial, and is idempotent', async () => {
    const file = join(dir, 'network.csv');
    await writeFile(
      file,
      [
        'name,country,region,field,designationYear,lat,lng',
        'Dakar,SN,africa,media-arts,2014,14.69,-17.44',
        'Atlantis,XX,africa,music,2010,,',
        'Santos,BR,latin-america-caribbean,film,2015,,',
        'Sevilla,ES,europe-north-america,music,2006,,',
        'Lagos,NG,africa,dance,2030,,',
      ].join('\n'),
    );
    const refused = await script('import-cities.ts', [file], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Nothing imported: 2 bad row(s) in 5 row(s) read.');
    expect(refused.stdout).toContain('line 3 (Atlantis): country must be an ISO 3166-1 alpha-2 country code');
    expect(refused.stdout).toMatch(/line 6 \(Lagos\): field must be one of: .*; designationYear must be a whole year/);
    expect((await running.api.get('/cities?region=africa')).body.total).toBe(0);

    const partial = await script('import-cities.ts', [file, '--partial'], env);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(/^Imported 2 new cities; 1 already registered \(unchanged\); 2 row\(s\) rejected; 5 row\(s\) read\./);
    expect((await running.api.get('/cities?q=dakar')).body.items[0]).toMatchObject({ country: 'SN', field: 'media-arts' });

    const again = await script('import-cities.ts', [file, '--partial'], env);
    expect(again.stdout).toMatch(/^Imported 0 new cities; 3 already registered/);
    expect(await registered()).toHaveLength(13);
  });

  it('explains a wrong command line or a missing MONGODB_URI (exit 2)', async () => {
    const [noFile, missing, noDb] = await Promise.all([
      script('import-cities.ts', [], env),
      script('import-cities.ts', [join(dir, 'nope.csv')], env),
      script('seed.ts'),
    ]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('give exactly one CSV file');
    expect(noFile.stderr).toContain('usage: npm run import:cities -- FILE.csv [--partial]');
    expect(missing.stderr).toContain('cannot read');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('MONGODB_URI is not set');
  });

  it('rebuilds the collaborations read model from the event log', async () => {
    const idOf = async (q: string) => (await running.api.get(`/cities?q=${q}`)).body.items[0].id as string;
    const [sevilla, bilbao] = [await idOf('sevilla'), await idOf('bilbao')];
    // A project event as the projects module stores it; the server's read model follows it.
    await running.app.get(UnitOfWork).run({ actor: { userId: null, cityId: bilbao }, role: 'city', correlationId: 'cli-test' }, async (tx) =>
      tx.record('project', 'p-cli', [
        {
          type: 'InvitationAccepted',
          data: { projectId: 'p-cli', title: 'Design x Music', leadCityId: sevilla, cityId: bilbao, acceptedPartnerIds: [bilbao] },
        },
      ]),
    );
    const collaborations = async () => (await running.api.get(`/cities/${sevilla}/collaborations`)).body.total as number;
    await waitFor('the read model to follow the event', async () => (await collaborations()) === 1);

    await running.app.get<Connection>(getConnectionToken()).collection('cities_project_memberships').deleteMany({});
    expect(await collaborations()).toBe(0);
    // The running server holds the projection's lease, so it rebuilds while the script waits.
    const rebuilt = await script('rebuild-read-models.ts', ['cities.collaborations'], env);
    expect(rebuilt).toMatchObject({ code: 0 });
    expect(rebuilt.stdout).toMatch(/^cities\.collaborations: rebuilt from 1 event\(s\) through #\d+ in \d+ ms\./);
    expect(await collaborations()).toBe(1);
  });

  it('rebuilds the insight and mail read models by name', async () => {
    const db = running.app.get<Connection>(getConnectionToken());
    const cities = async () => (await running.api.get('/stats')).body.cities.total as number;
    await waitFor('the insight read model', async () => (await cities()) > 0);
    const before = await cities();
    await db.collection('insight_cities').deleteMany({});
    await db.collection('mail_city_zones').deleteMany({});
    expect(await cities()).toBe(0);
    const rebuilt = await script('rebuild-read-models.ts', ['insight.cities', 'mail.city-zones'], env);
    expect(rebuilt).toMatchObject({ code: 0 });
    expect(rebuilt.stdout).toMatch(/insight\.cities: rebuilt from \d+ event\(s\)/);
    expect(rebuilt.stdout).toMatch(/mail\.city-zones: rebuilt from \d+ event\(s\)/);
    expect(await cities()).toBe(before);
    expect(await db.collection('mail_city_zones').countDocuments()).toBe(before);
  });
});
