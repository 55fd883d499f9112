import { TestServices, waitFor, type ApiClient } from '@app/testing';
import type { Socket } from 'socket.io-client';
import { closedByServer, linkToken, Mails, median, uniqueEmail } from './support/accounts';
import { ok } from './support/http-expectations';
import { cityIdOf, createCityUser, type CityUser } from './support/city-users';
import { connectLive } from './support/live-client';
import { login, startApp, type RunningApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const PUBLIC_URL = 'https://cities.example.org';

/** SPEC §3 Accounts: invitations, password reset and change, users, per-user settings. */
describe('Accounts', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;
  let mails: Mails;
  let sevilla: CityUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services, { PUBLIC_URL });
    api = running.api;
    admin = api.as(await login(api, 'admin@test.local', 'admin-password-1'));
    mails = new Mails(admin);
    sevilla = await createCityUser(api, await login(api, 'admin@test.local', 'admin-password-1'), 'sevilla');
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await running?.close();
    await services?.stop();
  });

  const live = async (token: string) => {
    const socket = await connectLive(running.origin, token);
    sockets.push(socket);
    return socket;
  };

  /** Invites `email` as `inviter` and accepts with the e-mailed link; answers the login-like body. */
  async function inviteAndAccept(inviter: ApiClient, body: Record<string, unknown>, password = 'a fresh passphrase 1') {
    const invited = await inviter.post('/users/invitations', body);
    expect(invited.status).toBe(201);
    const token = linkToken(await mails.waitFor(body.email as string), 'accept-invitation');
    return ok(api.post('/auth/accept-invitation', { token, password }));
  }

  describe('invitations', () => {
    it('an invited focal point receives the e-mail in its language, follows the link once, and signs in', async () => {
      const email = uniqueEmail('focal');
      const cityId = await cityIdOf(api, 'valencia');
      const invited = await admin.post('/users/invitations', { email, name: 'Lucía Pérez', role: 'city', cityId, language: 'es' });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ email, name: 'Lucía Pérez', role: 'city', cityId, language: 'es', version: 1 });
      expect(Date.parse(invited.body.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
      expect(JSON.stringify(invited.body)).not.toMatch(/token/i);

      const mail = await mails.waitFor(email);
      expect(mail.subject).toMatch(/Le invitan/);
      expect(mail.text).toContain('Hola, Lucía Pérez');
      expect(mail.text).toContain(`${PUBLIC_URL}/accept-invitation?token=`);
      expect(mail.html).toContain(`href="${PUBLIC_URL}/accept-invitation?token=`);
      const token = linkToken(mail, 'accept-invitation');

      const accepted = await api.post('/auth/accept-invitation', { token, password: 'a fresh passphrase 1' });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({
        accessToken: expect.any(String),
        user: { id: expect.any(String), email, name: 'Lucía Pérez', role: 'city', cityId, language: 'es' },
      });
      const me = await ok(api.as(accepted.body.accessToken).get('/auth/me'));
      expect(me).toMatchObject({ email, language: 'es', emailCadence: 'instant', disabled: false });

      const again = await api.post('/auth/accept-invitation', { token, password: 'another passphrase 2' });
      expect(again.status).toBe(400);
      expect(again.headers.get('content-type')).toMatch(PROBLEM);
      expect(again.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
      expect(await login(api, email, 'a fresh passphrase 1')).toEqual(expect.any(String));
    });

    it('lets a city user invite users of its own city only', async () => {
      const email = uniqueEmail('colleague');
      const { user } = await inviteAndAccept(sevilla.api, { email, name: 'Colleague', role: 'city' });
      expect(user).toMatchObject({ email, role: 'city', cityId: sevilla.cityId });

      const otherCity = await cityIdOf(api, 'lliria');
      for (const body of [
        { email: uniqueEmail('x'), name: 'X', role: 'city', cityId: otherCity },
        { email: uniqueEmail('x'), name: 'X', role: 'admin' },
      ]) {
        const res = await sevilla.api.post('/users/invitations', body);
        expect({ body, status: res.status }).toEqual({ body, status: 403 });
      }
    });

    it('refuses anonymous callers, bad input, a taken address and an unknown city', async () => {
      expect((await api.post('/users/invitations', { email: uniqueEmail('a'), name: 'A', role: 'city', cityId: sevilla.cityId })).status).toBe(401);
      for (const body of [
        { email: 'not-an-email', name: 'A', role: 'city', cityId: sevilla.cityId },
        { email: uniqueEmail('a'), name: 'A', role: 'city' },
        { email: uniqueEmail('a'), name: 'A', role: 'admin', cityId: sevilla.cityId },
        { email: uniqueEmail('a'), name: 'A', role: 'city', cityId: 'no-such-city' },
        { email: uniqueEmail('a'), name: 'A', role: 'city', cityId: sevilla.cityId, language: 'de' },
        { email: uniqueEmail('a'), name: 'A', role: 'city', cityId: sevilla.cityId, extra: 1 },
      ]) {
        const res = await admin.post('/users/invitations', body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      const taken = await admin.post('/users/invitations', { email: 'admin@test.local', name: 'Again', role: 'admin' });
      expect(taken.status).toBe(409);
      for (const body of [
        { token: 'x'.repeat(43), password: 'a fresh passphrase 1' },
        { token: 'bad token!', password: 'a fresh passphrase 1' },
      ]) {
        expect((await api.post('/auth/accept-invitation', body)).status).toBe(400);
      }
    });
  });

  describe('password reset', () => {
    it('mails a link that sets a new password once and ends every session', async () => {
      const email = uniqueEmail('forgetful');
      const { accessToken } = await inviteAndAccept(admin, { email, name: 'Forgetful', role: 'city', cityId: sevilla.cityId, language: 'fr' });
      const socket = await live(accessToken);
      const closed = closedByServer(socket);

      const asked = await api.post('/auth/password-reset', { email: email.toUpperCase() });
      expect(asked.status).toBe(202);
      await mails.waitFor(email, 2);
      const mail = (await mails.to(email)).find((m) => m.text.includes('/reset-password?token='))!;
      expect(mail.subject).toMatch(/Réinitialisez/);
      expect(mail.text).toContain(`${PUBLIC_URL}/reset-password?token=`);
      const token = linkToken(mail, 'reset-password');

      expect((await api.post('/auth/password-reset/confirm', { token, password: 'a brand new passphrase' })).status).toBe(204);
      expect((await api.post('/auth/password-reset/confirm', { token, password: 'yet another passphrase' })).status).toBe(400);
      expect(await closed).toMatchObject({ ended: { reason: 'unauthorized' }, reason: 'io server disconnect' });
      expect((await api.as(accessToken).get('/auth/me')).status).toBe(401);
      expect((await api.post('/auth/login', { email, password: 'a fresh passphrase 1' })).status).toBe(401);
      expect(await login(api, email, 'a brand new passphrase')).toEqual(expect.any(String));
    });

    it('answers the same 202 in about the same time for a known and an unknown address (20 tries each)', async () => {
      const known = uniqueEmail('known');
      await inviteAndAccept(admin, { email: known, name: 'Known', role: 'city', cityId: sevilla.cityId });
      const unknown = uniqueEmail('nobody');
      const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
      const answers = new Set<string>();
      // Warm-up, then alternate so that any drift of the machine weighs on both alike.
      await api.post('/auth/password-reset', { email: uniqueEmail('warm') });
      for (let i = 0; i < 20; i++) {
        for (const [kind, email] of [
          ['known', known],
          ['unknown', unknown],
        ] as const) {
          const started = performance.now();
          const res = await api.post('/auth/password-reset', { email });
          times[kind].push(performance.now() - started);
          answers.add(JSON.stringify({ status: res.status, body: res.body ?? null, type: res.headers.get('content-type') }));
        }
      }
      // One answer for every address: the same status, body and type, byte for byte.
      expect(answers.size).toBe(1);
      expect(JSON.parse([...answers][0])).toMatchObject({
        status: 202,
        body: { message: expect.stringContaining('If this address belongs to an account') },
      });
      const difference = Math.abs(median(times.known) - median(times.unknown));
      console.log(
        `password reset: median known ${median(times.known).toFixed(1)} ms, unknown ${median(times.unknown).toFixed(1)} ms, difference ${difference.toFixed(1)} ms`,
      );
      expect(difference).toBeLessThan(50);
      // At most 3 links per hour reach one address, however often it is asked for.
      await waitForMails(known, 4);
    });

    const waitForMails = async (email: string, count: number) => {
      await mails.waitFor(email, count);
      expect((await mails.to(email)).length).toBe(count);
    };
  });

  describe('password change', () => {
    it('keeps the current token, ends the other sessions and their sockets', async () => {
      const email = uniqueEmail('changer');
      const { accessToken: current } = await inviteAndAccept(admin, { email, name: 'Changer', role: 'city', cityId: sevilla.cityId });
      const other = await login(api, email, 'a fresh passphrase 1');
      const currentSocket = await live(current);
      const otherSocket = await live(other);
      const otherClosed = closedByServer(otherSocket);

      const wrong = await api.as(current).post('/auth/password', { currentPassword: 'not it at all', newPassword: 'a second passphrase' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
      expect((await api.as(current).post('/auth/password', { currentPassword: 'a fresh passphrase 1', newPassword: 'password' })).status).toBe(400);

      expect(
        (await api.as(current).post('/auth/password', { currentPassword: 'a fresh passphrase 1', newPassword: 'a second passphrase' })).status,
      ).toBe(204);
      expect(await otherClosed).toMatchObject({ ended: { reason: 'unauthorized' } });
      expect((await api.as(other).get('/auth/me')).status).toBe(401);
      expect((await api.as(current).get('/auth/me')).status).toBe(200);
      expect(currentSocket.connected).toBe(true);
      expect(await login(api, email, 'a second passphrase')).toEqual(expect.any(String));
      expect((await api.post('/auth/password', { currentPassword: 'a second passphrase', newPassword: 'a third passphrase' })).status).toBe(401);
    });
  });

  describe('users', () => {
    it('lists all users to admins and its city’s to a city user, paged', async () => {
      const all = await ok(admin.get('/users?limit=100'));
      expect(all).toMatchObject({ page: 1, limit: 100, total: expect.any(Number) });
      expect(all.items.map((u: any) => u.email)).toContain('admin@test.local');
      expect(all.items[0]).not.toHaveProperty('passwordHash');
      const own = await ok(sevilla.api.get('/users'));
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.every((u: any) => u.cityId === sevilla.cityId)).toBe(true);
      expect((await api.get('/users')).status).toBe(401);
      expect((await admin.get('/users?limit=0')).status).toBe(400);
    });

    it('lets users change their own name and language, and only admins disable', async () => {
      const me = await ok(sevilla.api.get('/auth/me'));
      const changed = await ok(sevilla.api.patch(`/users/${me.id}`, { name: 'Sevilla focal point', language: 'fr' }));
      expect(changed).toMatchObject({ name: 'Sevilla focal point', language: 'fr', version: me.version + 1 });
      expect((await sevilla.api.patch(`/users/${me.id}`, { disabled: true })).status).toBe(403);
      expect((await sevilla.api.patch(`/users/${me.id}`, { name: 'Stale', version: me.version })).status).toBe(409);
      const adminMe = await ok(admin.get('/auth/me'));
      expect((await sevilla.api.patch(`/users/${adminMe.id}`, { name: 'Taken over' })).status).toBe(403);
      expect((await admin.patch(`/users/${adminMe.id}`, { disabled: true })).status).toBe(409);
      expect((await admin.patch('/users/no-such-user', { name: 'Nobody' })).status).toBe(404);
      for (const body of [{ language: 'de' }, { disabled: null }, { name: null }, { name: '' }, { version: 0 }, { email: 'x@y.z' }]) {
        const res = await admin.patch(`/users/${me.id}`, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
    });

    it('a disabled user cannot sign in, its tokens stop working and its sockets are cut', async () => {
      const email = uniqueEmail('leaving');
      const { accessToken, user } = await inviteAndAccept(admin, { email, name: 'Leaving', role: 'city', cityId: sevilla.cityId });
      const socket = await live(accessToken);
      const closed = closedByServer(socket);
      const disabled = await ok(admin.patch(`/users/${user.id}`, { disabled: true }));
      expect(disabled).toMatchObject({ disabled: true });
      expect(await closed).toMatchObject({ ended: { reason: 'unauthorized' }, reason: 'io server disconnect' });
      expect((await api.as(accessToken).get('/auth/me')).status).toBe(401);
      const refused = await api.post('/auth/login', { email, password: 'a fresh passphrase 1' });
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toBe('The e-mail or password is wrong.');
      await expect(connectLive(running.origin, accessToken)).rejects.toThrow('unauthorized');

      await ok(admin.patch(`/users/${user.id}`, { disabled: false }));
      expect(await login(api, email, 'a fresh passphrase 1')).toEqual(expect.any(String));
    });

    it('records the admin’s invitations and changes of users in the audit log', async () => {
      const email = uniqueEmail('audited');
      const { user } = await inviteAndAccept(admin, { email, name: 'Audited', role: 'city', cityId: sevilla.cityId });
      await ok(admin.patch(`/users/${user.id}`, { disabled: true }));
      const entries = await auditEntriesAbout(admin, user.id);
      expect(entries.map((e: any) => `${e.method} ${e.route}`)).toEqual(
        expect.arrayContaining(['POST /api/v1/users/invitations', 'PATCH /api/v1/users/:id']),
      );
    });
  });

  describe('per-user settings', () => {
    it('answers each user’s own e-mail cadence and the city’s muted types', async () => {
      const colleague = await inviteAndAccept(sevilla.api, { email: uniqueEmail('peer'), name: 'Peer', role: 'city' });
      const peer = api.as(colleague.accessToken);
      const before = await ok(sevilla.api.get('/notifications/preferences'));
      const saved = await ok(
        sevilla.api.put('/notifications/preferences', { email: 'weekly', mutedTypes: ['PracticeShared'], version: before.version }),
      );
      expect(saved).toMatchObject({ email: 'weekly', mutedTypes: ['PracticeShared'], version: before.version + 1 });
      expect(await ok(peer.get('/notifications/preferences'))).toEqual({ ...saved, email: 'instant' });
      expect(await ok(sevilla.api.get('/auth/me'))).toMatchObject({ emailCadence: 'weekly' });
      // A stale version changes nothing, not even the caller's own cadence.
      expect((await peer.put('/notifications/preferences', { email: 'off', mutedTypes: [], version: before.version })).status).toBe(409);
      expect(await ok(peer.get('/notifications/preferences'))).toMatchObject({ email: 'instant', mutedTypes: ['PracticeShared'] });
      await ok(sevilla.api.put('/notifications/preferences', { email: 'instant', mutedTypes: [] }));
    });
  });
});

/** The admin's audit entries once they hold an invitation and a change of this user (appended after each answer). */
function auditEntriesAbout(admin: ApiClient, userId: string) {
  return waitFor('the audit entries', async () => {
    const items = (await admin.get('/admin/audit-log?limit=100')).body.items as any[];
    const changed = items.some((e) => e.action === 'UsersController_update' && e.targets?.id === userId);
    return changed && items.some((e) => e.action === 'UsersController_invite') ? items : undefined;
  });
}
