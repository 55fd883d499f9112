import Redis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok } from './support/http-expectations';
import { startAppProcess, type AppProcess } from './support/app-process';
import { login } from './support/test-app';

/**
 * Issue #15: the embedded default (`npm start` with no MONGODB_URI / REDIS_URL) keeps its data in
 * EMBEDDED_DATA_DIR, so what a newcomer builds is there at the next start; `--in-memory` keeps nothing.
 */
describe('The embedded default keeps its data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cce-embedded-'));
  const env = {
    EMBEDDED_DATA_DIR: dataDir,
    ADMIN_EMAIL: 'admin@test.local',
    ADMIN_PASSWORD: 'admin-password-1',
    PASSWORD_HASH_MEMORY_KIB: '1024',
    LOG_LEVEL: 'silent',
  };
  let app: AppProcess | undefined;

  afterEach(async () => {
    await app?.kill('SIGTERM');
    app = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** A client of the embedded redis-server the banner names. */
  const redisOf = (a: AppProcess) => new Redis(/Redis \(redis-server child[^)]*\): (redis:\/\/\S+)/.exec(a.output())![1], { lazyConnect: false });
  const cityTotal = async (a: AppProcess) => (await ok(a.api.get('/cities?limit=1'))).total as number;

  it('finds the cities registered before a restart, without seeding them again', async () => {
    app = await startAppProcess(env, 90_000, { bare: true });
    expect(app.output()).toMatch(
      /MongoDB \(embedded, a child process, data in .*cce-embedded-[^:]*\/mongo: 0 documents and 0 journal records recovered/,
    );
    expect(app.output()).toMatch(/Redis \(redis-server child, append-only file in .*\/redis\)/);
    expect(app.output()).toContain('Admin created: admin@test.local');
    const admin = app.api.as(await login(app.api, 'admin@test.local', 'admin-password-1'));
    expect(await cityTotal(app)).toBe(11);
    await ok(admin.post('/cities', { name: 'Bologna', country: 'IT', region: 'europe-north-america', field: 'music', designationYear: 2006 }));
    const before = redisOf(app);
    await before.set('embedded-data-test', 'kept');
    before.disconnect();
    await app.kill('SIGTERM');

    app = await startAppProcess(env, 90_000, { bare: true });
    expect(app.output()).toMatch(/data in .*\/mongo: \d+ documents and \d+ journal records recovered/);
    expect(app.output()).not.toMatch(/data in .*\/mongo: 0 documents and 0 journal records/);
    expect(app.output()).not.toContain('Admin created');
    await login(app.api, 'admin@test.local', 'admin-password-1');
    expect(await cityTotal(app)).toBe(12);
    expect((await ok(app.api.get('/cities?q=bologna'))).total).toBe(1);
    const after = redisOf(app);
    expect(await after.get('embedded-data-test')).toBe('kept'); // Redis kept its append-only file too
    after.disconnect();
  }, 180_000);

  it('keeps nothing with --in-memory', async () => {
    app = await startAppProcess(env, 90_000, { bare: true, args: ['--in-memory'] });
    expect(app.output()).toContain('data in memory only');
    expect(app.output()).toContain('Redis (redis-server child, no persistence)');
    expect(await cityTotal(app)).toBe(11);
  }, 120_000);
});
