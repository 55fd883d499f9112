import type { ApiClient } from '@app/testing';
import { login } from './test-app';

export interface CityUser {
  cityId: string;
  token: string;
  /** The API as this user. */
  api: ApiClient;
}

/** The id of the seed city found by `q` (e.g. "sevilla"); fails the test when it is not exactly one. */
export async function cityIdOf(api: ApiClient, q: string): Promise<string> {
  const res = await api.get(`/cities?q=${encodeURIComponent(q)}`);
  if (res.status !== 200 || res.body.items?.length !== 1) throw new Error(`city "${q}": ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items[0].id;
}

/** Creates a user of the seed city found by `q` (as the admin) and logs them in. */
export async function createCityUser(api: ApiClient, adminToken: string, q: string): Promise<CityUser> {
  const cityId = await cityIdOf(api, q);
  const email = `${q.replace(/\W/g, '')}.${Math.random().toString(36).slice(2, 8)}@test.local`;
  const password = 'city-password-1';
  const created = await api.as(adminToken).post('/users', { email, password, name: `User of ${q}`, role: 'city', cityId });
  if (created.status !== 201) throw new Error(`create user of ${q}: ${created.status} ${JSON.stringify(created.body)}`);
  const token = await login(api, email, password);
  return { cityId, token, api: api.as(token) };
}
