import { ApiClient, TestServices } from '@app/testing';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { io } from 'socket.io-client';
import { CityDocument } from '../src/cities/persistence/city.schema';
import { CitySeeder } from '../src/cities/seeding/city-seeder';
import { connectLive } from './support/live-client';
import { login, RunningApp, startApp } from './support/test-app';

/** Findings of the outside security audit, over HTTP and Socket.IO against the whole application. */
describe('HTTP hardening (audit findings)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;
  let adminToken: string;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    api = running.api;
    adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    admin = api.as(adminToken);
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  describe('look-alike city names', () => {
    const lliria = { name: 'Llíria', country: 'ES', region: 'europe-north-america', field: 'music', designationYear: 2019 };

    it.each([
      ['a soft hyphen', 'Lli\u00ADria'],
      ['full-width letters', '\uFF2C\uFF4Círia'],
      ['a zero-width joiner', 'Llí\u200Dria'],
      ['a zero-width space and a word joiner', 'Ll\u200Bí\u2060ria'],
    ])('refuses the seed city Llíria spelt with %s as a duplicate (409)', async (_what, name) => {
      const res = await admin.post('/cities', { ...lliria, name });
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('already exists');
    });

    it('still tells apart names that differ in letters, and finds a look-alike query', async () => {
      expect((await admin.post('/cities', { ...lliria, name: 'Llírias' })).status).toBe(201);
      const found = await api.get(`/cities?q=${encodeURIComponent('Ｌｌí\u00ADria')}`);
      expect(found.body.items.map((c: { name: string }) => c.name)).toEqual(['Llíria', 'Llírias']);
    });

    it('recomputes at start-up the keys stored by the earlier fold, and logs (not fails on) look-alikes that now collide', async () => {
      const cities = running.app.get<Model<CityDocument>>(getModelToken(CityDocument.name));
      const base = { region: 'europe-north-america', field: 'design', designationYear: 2015 };
      // Stored before the fix: "Ｔｏｒｏ" kept its full-width letters, so "Toro" could register beside it.
      const wide = await admin.post('/cities', { ...base, name: 'Ｔｏｒｏ', country: 'PT' });
      expect(wide.status).toBe(201);
      await cities.updateOne({ _id: wide.body.id }, { $set: { searchName: 'ｔｏｒｏ', slug: 'ｔｏｒｏ-pt' } });
      expect((await admin.post('/cities', { ...base, name: 'Toro', country: 'PT' })).status).toBe(201);
      const shy = await admin.post('/cities', { ...base, name: 'Ga\u00ADlway', country: 'IE' });
      await cities.updateOne({ _id: shy.body.id }, { $set: { searchName: 'ga lway', slug: 'ga-lway-ie' } });

      const refresh = await running.app.get(CitySeeder).refreshSearchNames();
      expect(refresh.updated).toEqual([shy.body.id]);
      expect(refresh.conflicts).toEqual([{ id: wide.body.id, name: 'Ｔｏｒｏ', country: 'PT', searchName: 'toro' }]);
      expect((await cities.findById(shy.body.id).lean())?.searchName).toBe('galway');
      expect((await admin.post('/cities', { ...base, name: 'Galway', country: 'IE' })).status).toBe(409);
      expect(await running.app.get(CitySeeder).refreshSearchNames()).toEqual({ updated: [], conflicts: refresh.conflicts });
    });
  });

  describe('Socket.IO default namespace', () => {
    const attempt = (token?: string) => {
      const socket = io(`${running.origin}/`, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
      return new Promise<string>((resolve) => {
        socket.once('connect', () => (socket.close(), resolve('connected')));
        socket.once('connect_error', (error) => (socket.close(), resolve(error.message)));
      });
    };

    it('refuses an anonymous connection to / with connect_error unauthorized', async () => {
      expect(await attempt()).toBe('unauthorized');
    });

    it('refuses / even with a valid token (it serves nothing), while /live still accepts the token', async () => {
      expect(await attempt(adminToken)).toBe('unauthorized');
      const live = await connectLive(running.origin, adminToken);
      expect(live.connected).toBe(true);
      live.close();
    });
  });
});
