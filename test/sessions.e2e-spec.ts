import { TestServices, type ApiClient } from '@app/testing';
import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io-client';
import { closedByServer, createAccount, type Account } from './support/accounts';
import { connectLive } from './support/live-client';
import { login, startApp, type RunningApp } from './support/test-app';

/**
 * SPEC §3 and §5: ending a session ends it for HTTP and for sockets, on every instance. Two app
 * instances share MongoDB and Redis, as a deployment's do.
 */
describe('Sessions', () => {
  let services: TestServices;
  let a: RunningApp;
  let b: RunningApp;
  let api: ApiClient;
  let adminToken: string;
  let lliria: Account;
  const sockets: Socket[] = [];

  const live = async (origin: string, token: string) => {
    const socket = await connectLive(origin, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    services = await TestServices.start();
    a = await startApp(services);
    b = await startApp(services, { RUN_WORKERS: 'false', SEED_ON_START: 'false' });
    api = a.api;
    adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    lliria = await createAccount(api, adminToken, 'lliria');
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a?.close(), b?.close()]);
    await services?.stop();
  });

  const signIn = () => login(api, lliria.email, lliria.password);

  it('a logged-out token is refused by HTTP on every instance and its socket is disconnected', async () => {
    const token = await signIn();
    const kept = await signIn();
    const socket = await live(a.origin, token);
    const keptSocket = await live(a.origin, kept);
    const closed = closedByServer(socket);

    // Anything but a plain logout is refused, and ends nothing.
    expect((await a.api.as(token).post('/auth/logout?everywhere=true')).status).toBe(400);
    expect((await a.api.as(token).post('/auth/logout', { everywhere: true })).status).toBe(400);
    expect((await a.api.as(token).post('/auth/logout')).status).toBe(204);
    expect(await closed).toEqual({ ended: { reason: 'unauthorized' }, reason: 'io server disconnect', at: expect.any(Number) });
    for (const instance of [a, b]) {
      const res = await instance.api.as(token).get('/auth/me');
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await a.api.as(token).post('/auth/logout')).status).toBe(401);
    await expect(connectLive(b.origin, token)).rejects.toThrow('unauthorized');
    // Only that session ended: the user's other one goes on.
    expect((await b.api.as(kept).get('/auth/me')).status).toBe(200);
    expect(keptSocket.connected).toBe(true);
  });

  it('a logout on instance A disconnects the socket of that session on instance B within a second', async () => {
    const token = await signIn();
    const onB = await live(b.origin, token);
    const closed = closedByServer(onB, 1000);
    const started = Date.now();
    expect((await a.api.as(token).post('/auth/logout')).status).toBe(204);
    const { ended, at } = await closed;
    expect(ended).toEqual({ reason: 'unauthorized' });
    expect(at - started).toBeLessThan(1000);
  });

  it('a password change on A ends the other sessions’ sockets on B, not the caller’s', async () => {
    const user = await createAccount(api, adminToken, 'valencia');
    const other = await login(api, user.email, 'city-password-1');
    const otherOnB = await live(b.origin, other);
    const ownOnB = await live(b.origin, user.token);
    const closed = closedByServer(otherOnB, 1000);
    expect(
      (await a.api.as(user.token).post('/auth/password', { currentPassword: 'city-password-1', newPassword: 'another city passphrase' })).status,
    ).toBe(204);
    expect((await closed).ended).toEqual({ reason: 'unauthorized' });
    expect((await b.api.as(user.token).get('/auth/me')).status).toBe(200);
    expect(ownOnB.connected).toBe(true);
  });

  it('disconnects a socket when its token expires', async () => {
    const token = await signIn();
    // The same session, with a token that expires in a second (JWT_TTL_SECONDS is at least 60).
    const claims = new JwtService({}).decode<Record<string, unknown>>(token);
    const shortLived = new JwtService({ secret: services.env().JWT_SECRET }).sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 2 });
    const socket = await live(b.origin, shortLived);
    const expiresAt = new JwtService({}).decode<{ exp: number }>(shortLived).exp * 1000;
    const { ended, at } = await closedByServer(socket, 4000);
    expect(ended).toEqual({ reason: 'unauthorized' });
    expect(at).toBeGreaterThanOrEqual(expiresAt - 50);
  });
});
