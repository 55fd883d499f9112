import type { ApiClient } from '@app/testing';
import { login } from './test-app';

export interface CityUser {
  cityId: string;
  token: string;
  api: ApiClient;
}

/** A new user of the seed city found by `q` (created by the admin), logged in. */
export async function cityUser(api: ApiClient, adminToken: string, q: string): Promise<CityUser> {
  const found = await api.get(`/cities?q=${encodeURIComponent(q)}`);
  if (found.status !== 200 || found.body.items?.length !== 1) throw new Error(`city "${q}": ${found.status} ${JSON.stringify(found.body)}`);
  return cityUserOf(api, adminToken, found.body.items[0].id as string, q);
}

/** A new user of the city `cityId` (created by the admin), logged in; `label` names it in its e-mail address. */
export async function cityUserOf(api: ApiClient, adminToken: string, cityId: string, label = 'city'): Promise<CityUser> {
  const q = label;
  const email = `${q.replace(/\W/g, '')}.${Math.random().toString(36).slice(2, 8)}@live.test`;
  const created = await api.as(adminToken).post('/users', { email, password: 'city-password-1', name: `User of ${q}`, role: 'city', cityId });
  if (created.status !== 201) throw new Error(`user of ${q}: ${created.status} ${JSON.stringify(created.body)}`);
  const token = await login(api, email, 'city-password-1');
  return { cityId, token, api: api.as(token) };
}
