import type { ApiClient } from '@app/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { EmailCadence } from '../../src/shared/email-cadence';
import type { Lang } from '../../src/shared/reference-data';
import { cityIdOf } from './city-users';
import type { RunningApp } from './test-app';
import { login } from './test-app';

export interface MailUser {
  id: string;
  email: string;
  cityId: string;
  api: ApiClient;
}

let counter = 0;

/**
 * A user of the seed city found by `q`, with a language and an e-mail cadence: created by the admin,
 * its language and cadence set in the users collection (what the user sets in their settings).
 */
export async function mailUser(running: RunningApp, adminToken: string, q: string, language: Lang, emailCadence: EmailCadence): Promise<MailUser> {
  const { api } = running;
  const cityId = await cityIdOf(api, q);
  const email = `${q}.${language}.${emailCadence}.${++counter}.${Math.random().toString(36).slice(2, 6)}@mail.test`;
  const created = await api.as(adminToken).post('/users', { email, password: 'city-password-1', name: `${q} ${language}`, role: 'city', cityId });
  if (created.status !== 201) throw new Error(`user of ${q}: ${created.status} ${JSON.stringify(created.body)}`);
  await running.app
    .get<Connection>(getConnectionToken())
    .collection('users')
    .updateOne({ _id: created.body.id }, { $set: { language, emailCadence } });
  const token = await login(api, email, 'city-password-1');
  return { id: created.body.id, email, cityId, api: api.as(token) };
}
