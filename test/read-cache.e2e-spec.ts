import { TestServices, type ApiClient } from '@app/testing';
import { CachedReadInterceptor } from '../src/common/cache/cached-read.interceptor';
import { ReadCache } from '../src/common/cache/read-cache';
import { createCityUser, type CityUser } from './support/city-users';
import { proposeProject } from './support/projects';
import { login, startApp, type RunningApp } from './support/test-app';

/**
 * Issue #14: anonymous reads of cities and projects come from each instance's ReadCache, which the
 * events of every instance invalidate; a write's caller never reads stale data. Two instances share
 * MongoDB and Redis, as a deployment's do.
 */
describe('Read cache', () => {
  let services: TestServices;
  let a: RunningApp;
  let b: RunningApp;
  let lliria: CityUser;

  const cacheOf = (instance: RunningApp) => instance.app.get(ReadCache);
  const descriptionOn = async (api: ApiClient, cityId: string, headers?: Record<string, string>) => {
    const res = await api.get(`/cities/${cityId}`, headers);
    expect(res.status).toBe(200);
    return res.body.description as string;
  };
  /** Polls until `read` gives `expected` (another instance's event arrives through Redis, or the poll). */
  const eventually = async <T>(read: () => Promise<T>, expected: T, withinMs = 5000) => {
    const deadline = Date.now() + withinMs;
    let last = await read();
    while (last !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      last = await read();
    }
    return last;
  };

  beforeAll(async () => {
    services = await TestServices.start();
    a = await startApp(services);
    b = await startApp(services, { RUN_WORKERS: 'false', SEED_ON_START: 'false' });
    const adminToken = await login(a.api, 'admin@test.local', 'admin-password-1');
    lliria = await createCityUser(a.api, adminToken, 'lliria');
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await services?.stop();
  });

  it('serves a repeated anonymous read from memory, and a changed city at once to its writer’s instance', async () => {
    const before = cacheOf(a).stats;
    const first = await descriptionOn(a.api, lliria.cityId);
    expect(await descriptionOn(a.api, lliria.cityId)).toBe(first);
    const after = cacheOf(a).stats;
    expect(after.hits - before.hits).toBe(1);
    expect(after.misses - before.misses).toBe(1);

    const changed = await lliria.api.patch(`/cities/${lliria.cityId}`, { description: 'Ciutat de la Música, 2019' });
    expect(changed.status).toBe(200);
    // No waiting: the commit invalidated this instance's cache before the PATCH answered.
    expect(await descriptionOn(a.api, lliria.cityId)).toBe('Ciutat de la Música, 2019');
    const list = await a.api.get('/cities?q=lliria');
    expect(list.body.items[0].description).toBe('Ciutat de la Música, 2019');
  });

  it('answers a kept read with the same bytes, type and ETag as a fresh one, and revalidates it with a 304', async () => {
    const url = `${b.origin}/api/v1/projects?limit=5`;
    const origin = { origin: 'https://web.example' };
    const fresh = await fetch(url, { headers: { ...origin, 'cache-control': 'no-cache' } });
    await fetch(url, { headers: origin }); // kept now
    const hitsBefore = cacheOf(b).stats.hits;
    const throughNest = jest.spyOn(CachedReadInterceptor.prototype, 'intercept');
    const kept = await fetch(url, { headers: origin });
    // Answered before Nest's pipeline (the preHandler hook), not by the interceptor.
    expect(throughNest).not.toHaveBeenCalled();
    throughNest.mockRestore();
    expect(cacheOf(b).stats.hits).toBe(hitsBefore + 1);
    expect(kept.status).toBe(200);
    // Every header but the per-request ones: a hit answered before Nest carries the same CORS, security, type and ETag headers.
    const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => !['date', 'x-request-id'].includes(name)));
    expect(headersOf(kept)).toEqual(headersOf(fresh));
    expect(kept.headers.get('etag')).toBe(fresh.headers.get('etag'));
    expect(await kept.text()).toBe(await fresh.text());
    const revalidated = await fetch(url, { headers: { 'if-none-match': kept.headers.get('etag')! } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('another instance drops what it kept when the event of a write elsewhere reaches it', async () => {
    const kept = await descriptionOn(b.api, lliria.cityId);
    await descriptionOn(b.api, lliria.cityId);
    const hitsBefore = cacheOf(b).stats.hits;
    expect(await descriptionOn(b.api, lliria.cityId)).toBe(kept);
    expect(cacheOf(b).stats.hits).toBe(hitsBefore + 1);

    expect((await lliria.api.patch(`/cities/${lliria.cityId}`, { description: 'Written on A' })).status).toBe(200);
    expect(await eventually(() => descriptionOn(b.api, lliria.cityId), 'Written on A')).toBe('Written on A');
    // And a new project shows in B's list once its event arrived.
    const project = await proposeProject(lliria);
    const ids = async () => ((await b.api.get('/projects?limit=100')).body.items as { id: string }[]).some((p) => p.id === project.id);
    expect(await eventually(ids, true)).toBe(true);
  });

  it('reads the database for a signed-in caller and for Cache-Control: no-cache, so a writer never reads stale data on any instance', async () => {
    await descriptionOn(b.api, lliria.cityId); // kept on B
    const { hits, misses } = cacheOf(b).stats;
    const written = await lliria.api.patch(`/cities/${lliria.cityId}`, { description: 'Read back at once on B' });
    expect(written.status).toBe(200);
    // The writer reads through B right away, before B may have seen the event: it gets its write.
    expect(await descriptionOn(b.api.as(lliria.token), lliria.cityId)).toBe('Read back at once on B');
    expect(await descriptionOn(b.api, lliria.cityId, { 'cache-control': 'no-cache' })).toBe('Read back at once on B');
    expect(cacheOf(b).stats.hits).toBe(hits);
    expect(cacheOf(b).stats.misses).toBe(misses);
  });

  it('keeps no failed read: an unknown city stays a 404 and nothing is kept', async () => {
    const unknown = await a.api.get('/cities/no-such-city');
    expect(unknown.status).toBe(404);
    expect((await a.api.get('/cities/no-such-city')).status).toBe(404);
    expect(cacheOf(a).get('/api/v1/cities/no-such-city')).toBeUndefined();
  });
});
