import type { ApiClient } from '@app/testing';
import type { CityUser } from './city-users';
import { ok } from './http-expectations';

let counter = 0;

/** A valid `POST /practices` body; `overrides` replace fields. */
export function practiceBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Design weeks in the old town ${++counter}`,
    summary: 'Empty shops lent to young designers for a month every spring',
    body: 'Every spring, empty shops in the old town host workshops and exhibitions by local designers.',
    field: 'design',
    actionArea: 'urban-policy',
    sdgs: [11, 8],
    tags: ['heritage', 'young designers'],
    language: 'en',
    outcomes: 'Forty shops reopened',
    links: [{ title: 'Programme', url: 'https://example.org/programme' }],
    ...overrides,
  };
}

/** A practice shared over HTTP by `author` (fails the test on anything but 201). */
export function sharePractice(author: CityUser, overrides: Record<string, unknown> = {}): Promise<any> {
  return ok(author.api.post('/practices', practiceBody(overrides)));
}

/** An exchange `requester` asked of a practice (fails the test on anything but 201). */
export function requestExchange(requester: CityUser, practiceId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  return ok(requester.api.post(`/practices/${practiceId}/exchanges`, { message: 'May we visit in May?', format: 'study-visit', ...overrides }));
}

/** The ids of a list answer (fails the test unless it answers 200). */
export async function idsOf(api: ApiClient, path: string): Promise<string[]> {
  const res = await api.get(path);
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  return res.body.items.map((item: { id: string }) => item.id);
}
