import type { ApiClient } from '@app/testing';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { IdempotencyRecord } from '../src/common/idempotency/idempotency-record.schema';
import { IdempotencyStore } from '../src/common/idempotency/idempotency.store';
import { requestFingerprint } from '../src/common/idempotency/request-fingerprint';
import { appWithCities } from './support/app-with-cities';
import type { CityUser } from './support/city-users';
import { expectProblem, ok } from './support/http-expectations';
import { login, startApp } from './support/test-app';

/** Issue #13: races and floods that independent or repeated requests caused. */
describe('Hardening: races, retries, idempotency, invitation floods', () => {
  const { app, api, admin, users } = appWithCities(['sevilla', 'lliria', 'valencia']);
  const [sevilla, lliria, valencia] = users;

  let counter = 0;
  const propose = async (lead: CityUser = sevilla) =>
    ok(
      lead.api.post('/projects', {
        title: `Race project ${++counter}`,
        summary: 'A project that many cities want to join at once',
        fields: ['music'],
        actionAreas: ['pilot-projects'],
        sectors: ['public'],
        sdgs: [11],
      }),
    );

  /** `n` new cities (registered by the admin), each with a signed-in user. */
  async function newCityUsers(n: number, tag: string): Promise<CityUser[]> {
    return Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const name = `Racetown ${tag} ${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`;
        const city = await ok(admin.post('/cities', { name, country: 'PT', region: 'europe-north-america', field: 'music', designationYear: 2017 }));
        const email = `race.${tag}.${i}@test.local`;
        await ok(admin.post('/users', { email, password: 'city-password-1', name: `User of ${name}`, role: 'city', cityId: city.id }));
        const token = await login(api, email, 'city-password-1');
        return { cityId: city.id as string, token, api: api.as(token) as ApiClient };
      }),
    );
  }

  describe('first save of notification preferences (defect 7)', () => {
    it('lets exactly one of 20 parallel first saves with version 0 win; the others get the stale-version 409', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          valencia.api.put('/notifications/preferences', { email: i % 2 ? 'daily' : 'weekly', mutedTypes: [], version: 0 }),
        ),
      );
      const won = answers.filter((r) => r.status === 200);
      expect(won).toHaveLength(1);
      for (const lost of answers.filter((r) => r.status !== 200)) expectProblem(lost, 409, 'notifications.stale-version');
      const stored = await ok(valencia.api.get('/notifications/preferences'));
      expect(stored).toEqual(won[0].body);
      expect(stored.version).toBe(1);
    });
  });

  describe('independent commands on one project (defect 8)', () => {
    it('accepts 20 join requests from 20 cities sent at once, and still refuses a city asking twice', async () => {
      const cities = await newCityUsers(20, 'join');
      const project = await propose();
      const started = Date.now();
      const answers = await Promise.all(cities.map((c) => c.api.post(`/projects/${project.id}/join-requests`, { message: 'Count us in' })));
      const elapsed = Date.now() - started;
      const statuses = answers.map((r) => r.status);
      console.log(`20 parallel join requests: ${statuses.filter((s) => s === 201).length} × 201 in ${elapsed} ms`);
      expect(statuses).toEqual(Array(20).fill(201));
      const stored = await ok(api.get(`/projects/${project.id}`));
      expect(stored.partners.filter((p: { status: string }) => p.status === 'requested')).toHaveLength(20);
      expect(stored.version).toBe(21);

      const twice = await Promise.all([0, 1].map(() => lliria.api.post(`/projects/${project.id}/join-requests`, {})));
      expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
      expectProblem(
        twice.find((r) => r.status === 409)!,
        409,
        'project.partner-already-requested',
      );
    });

    it('accepts them too when they reach two instances at once (the stale-version retry with backoff, nothing in-process)', async () => {
      const second = await startApp(app.services);
      try {
        const cities = await newCityUsers(20, 'two');
        const project = await propose();
        const started = Date.now();
        const answers = await Promise.all(
          cities.map((c, i) => (i % 2 ? second.api.as(c.token) : c.api).post(`/projects/${project.id}/join-requests`, { message: 'Count us in' })),
        );
        const statuses = answers.map((r) => r.status);
        console.log(`20 join requests over 2 instances: ${statuses.filter((s) => s === 201).length} × 201 in ${Date.now() - started} ms`);
        expect(statuses).toEqual(Array(20).fill(201));
        expect((await ok(api.get(`/projects/${project.id}`))).version).toBe(21);
      } finally {
        await second.close();
      }
    });

    it('applies 20 invitations of 20 cities at once on one project, and other commands beside them', async () => {
      const cities = await newCityUsers(20, 'inv20');
      const project = await propose();
      const answers = await Promise.all([
        ...cities.map((c) => sevilla.api.post(`/projects/${project.id}/invitations`, { cityId: c.cityId })),
        sevilla.api.post(`/projects/${project.id}/updates`, { text: 'Call for partners is open', kind: 'news' }),
        lliria.api.post(`/projects/${project.id}/join-requests`, {}),
      ]);
      expect(answers.map((r) => r.status)).toEqual(Array(22).fill(201));
      expect((await ok(api.get(`/projects/${project.id}`))).partners).toHaveLength(21);
    });
  });

  describe('invitation floods (rate limit per inviting and invited city)', () => {
    it('lets a city invite another 20 times a day at most, even all at once; then 429 with Retry-After', async () => {
      const [target] = await newCityUsers(1, 'invited');
      const projects = [];
      for (let i = 0; i < 24; i++) projects.push(await propose(lliria));
      const answers = await Promise.all(projects.map((p) => lliria.api.post(`/projects/${p.id}/invitations`, { cityId: target.cityId })));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(4);
      const refused = answers.find((r) => r.status === 429)!;
      expectProblem(refused, 429);
      expect(refused.body.detail).toContain('20 times in the last 24 hours');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(24 * 3600 - 120);
      expect(retryAfter).toBeLessThanOrEqual(24 * 3600);

      // Only that pair is limited: the same lead may invite another city, another lead may invite the target.
      const other = projects.find((_, i) => statuses[i] === 429)!;
      expect((await lliria.api.post(`/projects/${other.id}/invitations`, { cityId: valencia.cityId })).status).toBe(201);
      const sevillas = await propose(sevilla);
      expect((await sevilla.api.post(`/projects/${sevillas.id}/invitations`, { cityId: target.cityId })).status).toBe(201);
      // A refused invitation changed nothing, and an admin (an operator) is not counted.
      expect((await ok(api.get(`/projects/${other.id}`))).partners.map((p: { cityId: string }) => p.cityId)).toEqual([valencia.cityId]);
      expect((await admin.post(`/projects/${other.id}/invitations`, { cityId: target.cityId })).status).toBe(201);
    });
  });

  describe('Idempotency-Key leases and the committed marker (known gap)', () => {
    const records = () => app.running.app.get<Model<IdempotencyRecord>>(getModelToken(IdempotencyRecord.name));
    const body = (title: string) => ({
      title,
      summary: 'A project proposed once, whatever happens',
      fields: ['music'],
      actionAreas: ['pilot-projects'],
      sectors: ['public'],
      sdgs: [11],
    });
    const countTitled = async (title: string) => (await ok(api.get(`/projects?q=${encodeURIComponent(title)}`))).total;
    let userId: string;

    beforeAll(async () => {
      userId = (await ok(sevilla.api.get('/auth/me'))).id;
    });

    /** The record a process that crashed while running this request left behind. */
    const leftByCrash = (key: string, input: object, leaseUntil: Date) =>
      records().create({
        _id: `${userId}:${key}`,
        fingerprint: requestFingerprint('POST', '/api/v1/projects', input),
        state: 'pending',
        owner: 'crashed-process',
        leaseUntil,
        committedAt: null,
        createdAt: new Date(),
      });

    it('runs a retry once the pending lease of a crashed request ran out (not after 24 h), then replays it', async () => {
      const input = body('Crash-proof orchestra');
      const headers = { 'Idempotency-Key': 'crashed-while-pending' };
      await leftByCrash('crashed-while-pending', input, new Date(Date.now() + 60_000));
      expectProblem(await sevilla.api.post('/projects', input, headers), 409, 'idempotency.in-progress');

      await records().updateOne({ _id: `${userId}:crashed-while-pending` }, { $set: { leaseUntil: new Date(Date.now() - 1) } });
      const retried = await sevilla.api.post('/projects', input, headers);
      expect(retried.status).toBe(201);
      const replayed = await sevilla.api.post('/projects', input, headers);
      expect(replayed.status).toBe(201);
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect(replayed.body).toEqual(retried.body);
      expect(await countTitled('Crash-proof orchestra')).toBe(1);
    });

    it('marks the key committed in the command’s transaction: a failure storing the response never runs the command twice', async () => {
      const store = app.running.app.get(IdempotencyStore);
      const failing = jest.spyOn(store, 'complete').mockRejectedValue(new Error('MongoDB went away while storing the response'));
      const input = body('Exactly once choir');
      const headers = { 'Idempotency-Key': 'response-not-stored' };
      try {
        const first = await sevilla.api.post('/projects', input, headers);
        expect(first.status).toBe(201); // the command succeeded: its answer is the client's
      } finally {
        failing.mockRestore();
      }
      const stored = await records().findById(`${userId}:response-not-stored`).lean();
      expect(stored).toMatchObject({ state: 'pending', committedAt: expect.any(Date) });

      expectProblem(await sevilla.api.post('/projects', input, headers), 409, 'idempotency.in-progress');
      await records().updateOne({ _id: `${userId}:response-not-stored` }, { $set: { leaseUntil: new Date(Date.now() - 1) } });
      const late = await sevilla.api.post('/projects', input, headers);
      expectProblem(late, 409, 'idempotency.response-lost');
      expect(await countTitled('Exactly once choir')).toBe(1);
    });

    it('releases the key of a request that failed before committing anything, and stores the first success', async () => {
      const headers = { 'Idempotency-Key': 'first-fails' };
      expect((await sevilla.api.post('/projects', { ...body('Bad dates'), startDate: '2026-05-01', endDate: '2026-01-01' }, headers)).status).toBe(
        400,
      );
      expect(await records().findById(`${userId}:first-fails`).lean()).toBeNull();
      const input = body('Good dates');
      const first = await sevilla.api.post('/projects', input, headers);
      expect(first.status).toBe(201);
      expect(await records().findById(`${userId}:first-fails`).lean()).toMatchObject({ state: 'done', status: 201, committedAt: expect.any(Date) });
    });
  });
});
