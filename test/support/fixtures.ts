import { waitFor, type ApiClient } from '@app/testing';
import { createCityUser, type CityUser } from './city-users';
import { ok } from './http-expectations';
import { requestExchange, sharePractice } from './practices';
import { proposeProject } from './projects';
import { login, type RunningApp } from './test-app';

/**
 * A small, real world built through the API, for suites that aim requests at every route:
 * city A leads a project with B as an accepted partner, shares a practice that B comments on and
 * asks an exchange about; C is a city with no part in any of it (the outsider).
 */
export interface World {
  /** The API, anonymous. */
  api: ApiClient;
  adminToken: string;
  admin: ApiClient;
  /** Sevilla: lead of `projectId`, author of `practiceId`, host of `exchangeId`. */
  a: CityUser;
  /** Llíria: accepted partner of `projectId`, commenter of `commentId`, requester of `exchangeId`. */
  b: CityUser;
  /** Valencia: a city user with no relation to any of the resources below. */
  c: CityUser;
  projectId: string;
  practiceId: string;
  commentId: string;
  exchangeId: string;
  /** An item of A's inbox (B accepting A's invitation). */
  notificationId: string;
}

export async function buildWorld(running: Pick<RunningApp, 'api'>): Promise<World> {
  const api = running.api;
  const adminToken = await login(api, 'admin@test.local', 'admin-password-1');
  const [a, b, c] = await Promise.all(['sevilla', 'lliria', 'valencia'].map((q) => createCityUser(api, adminToken, q)));

  const project = await proposeProject(a, 'A project of A with B');
  await ok(a.api.post(`/projects/${project.id}/invitations`, { cityId: b.cityId }));
  await ok(b.api.post(`/projects/${project.id}/invitations/${b.cityId}/accept`));

  const practice = await sharePractice(a);
  const comment = await ok(b.api.post(`/practices/${practice.id}/comments`, { text: 'We would love to try this' }));
  const exchange = await requestExchange(b, practice.id);

  // Inbox items are written by a consumer after the commit: wait for A's.
  const notificationId = await waitFor(
    "an item in A's inbox",
    async () => (await ok(a.api.get('/notifications?limit=1'))).items[0]?.id as string | undefined,
    10_000,
  );
  return {
    api,
    adminToken,
    admin: api.as(adminToken),
    a,
    b,
    c,
    projectId: project.id,
    practiceId: practice.id,
    commentId: comment.id,
    exchangeId: exchange.id,
    notificationId,
  };
}
