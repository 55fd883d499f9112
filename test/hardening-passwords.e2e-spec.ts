import { ApiClient, TestServices } from '@app/testing';
import bcrypt from 'bcryptjs';
import { PasswordHasher } from '../src/auth/password-hasher';
import { UserRepository } from '../src/auth/persistence/user.repository';
import { login, RunningApp, startApp } from './support/test-app';

/**
 * Security hardening (outside audit): passwords are hashed with Argon2id (no 72-byte cut), bcrypt
 * hashes of earlier releases are upgraded at login, and common breached passwords are refused.
 */
describe('Hardening: passwords (HTTP)', () => {
  let services: TestServices;
  let running: RunningApp;
  let api: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    services = await TestServices.start();
    running = await startApp(services);
    api = running.api;
    admin = api.as(await login(api, 'admin@test.local', 'admin-password-1'));
  });

  afterAll(async () => {
    await running?.close();
    await services?.stop();
  });

  const storedHash = async (email: string) => (await running.app.get(UserRepository).findByEmail(email))?.passwordHash;

  it('hashes with Argon2id: two 100-byte passphrases differing after byte 72 are told apart', async () => {
    const prefix = 'a passphrase of our network secretariat, long enough to pass 72 bytes...';
    const right = `${prefix}${'r'.repeat(100 - prefix.length)}`;
    const wrong = `${prefix}${'w'.repeat(100 - prefix.length)}`;
    expect([Buffer.byteLength(right), Buffer.byteLength(wrong)]).toEqual([100, 100]);
    expect(right.slice(0, 72)).toBe(wrong.slice(0, 72));

    const created = await admin.post('/users', { email: 'long@test.local', password: right, name: 'Long', role: 'admin' });
    expect(created.status).toBe(201);
    expect(await storedHash('long@test.local')).toMatch(/^\$argon2id\$v=19\$m=1024,t=2,p=1\$/);

    expect((await api.post('/auth/login', { email: 'long@test.local', password: wrong })).status).toBe(401);
    expect((await api.post('/auth/login', { email: 'long@test.local', password: right })).status).toBe(200);
  });

  it('logs in a user of an earlier release with a bcrypt hash, and stores an Argon2id hash instead', async () => {
    const legacy = await bcrypt.hash('an old-release password', 10);
    await running.app.get(UserRepository).create({ email: 'legacy@test.local', passwordHash: legacy, name: 'Legacy', role: 'admin', cityId: null });

    expect((await api.post('/auth/login', { email: 'legacy@test.local', password: 'not the password' })).status).toBe(401);
    expect(await storedHash('legacy@test.local')).toBe(legacy); // a wrong password changes nothing

    const first = await api.post('/auth/login', { email: 'legacy@test.local', password: 'an old-release password' });
    expect(first.status).toBe(200);
    const upgraded = await storedHash('legacy@test.local');
    expect(upgraded).toMatch(/^\$argon2id\$/);
    expect(running.app.get(PasswordHasher).needsRehash(upgraded!)).toBe(false);

    // The same password logs in against the new hash, which stays as it is; the user did not change.
    expect((await api.post('/auth/login', { email: 'legacy@test.local', password: 'an old-release password' })).status).toBe(200);
    expect(await storedHash('legacy@test.local')).toBe(upgraded);
    const me = await api.as(first.body.accessToken).get('/auth/me');
    expect(me.body).toMatchObject({ email: 'legacy@test.local', version: 1 });
  });

  it.each(['password123', '1234567890', 'Password123'])('refuses the common password %s with 400 naming the field', async (password) => {
    const res = await admin.post('/users', { email: `common.${password.toLowerCase()}@test.local`, password, name: 'C', role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringContaining('one of the most common passwords') }]);
  });

  it('keeps the minimum length rule', async () => {
    const res = await admin.post('/users', { email: 'short@test.local', password: 'xq7-zv9k', name: 'S', role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringContaining('10') }]);
  });

  it('answers an unknown address as a wrong password', async () => {
    const unknown = await api.post('/auth/login', { email: 'nobody@test.local', password: 'whatever it is' });
    const wrong = await api.post('/auth/login', { email: 'long@test.local', password: 'whatever it is' });
    expect(unknown.status).toBe(401);
    const { requestId: _a, ...unknownAnswer } = unknown.body;
    const { requestId: _b, ...wrongAnswer } = wrong.body;
    expect(unknownAnswer).toEqual(wrongAnswer);
  });
});
