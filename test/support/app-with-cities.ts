import { ApiClient, TestServices } from '@app/testing';
import { createCityUser, type CityUser } from './city-users';
import { login, startApp, type RunningApp } from './test-app';

/** The whole application on a test file's own services, the admin signed in, and a user of each city asked for. */
export interface AppWithCities {
  services: TestServices;
  running: RunningApp;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * For the top of a `describe`: its `beforeAll` starts the application (with `env`) and creates a
 * new user of each seed city found by the `cities` queries; its `afterAll` stops it all. The
 * objects returned are filled in by `beforeAll` (the same objects, so they can be destructured
 * here): `api` anonymous, `admin` as the admin, `users` in the order asked. Use them in tests and
 * hooks only.
 */
export function appWithCities(cities: string[], env: Record<string, string> = {}) {
  const app = {} as AppWithCities;
  const api = new ApiClient('');
  const admin = new ApiClient('');
  const users = cities.map(() => ({}) as CityUser);
  beforeAll(async () => {
    const services = await TestServices.start();
    app.services = services;
    app.close = async () => {
      await app.running?.close();
      await services.stop();
    };
    app.running = await startApp(services, env);
    Object.assign(api, app.running.api);
    app.adminToken = await login(api, 'admin@test.local', 'admin-password-1');
    Object.assign(admin, api.as(app.adminToken));
    const created = await Promise.all(cities.map((q) => createCityUser(api, app.adminToken, q)));
    created.forEach((user, i) => Object.assign(users[i], user));
  });
  afterAll(() => app.close?.());
  return { app, api, admin, users };
}
