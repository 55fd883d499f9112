import type { ApiClient, ApiResponse } from '@app/testing';

/** The content type of every error answer. */
export const PROBLEM = /^application\/problem\+json/;

/** Sends a request and fails the test unless it answers 2xx; returns the body. */
export async function ok(promise: Promise<{ status: number; body: any }>): Promise<any> {
  const res = await promise;
  if (res.status < 200 || res.status > 299) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A problem+json answer with this status (and this `code`, when given). */
export function expectProblem(res: ApiResponse, status: number, code?: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code: code ?? res.body?.code });
  expect(res.headers.get('content-type')).toMatch(PROBLEM);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
}

/** A 400 whose `errors` name exactly these fields. */
export function expectFieldErrors(res: ApiResponse, fields: string[]): void {
  expectProblem(res, 400);
  const got = [...new Set((res.body.errors as { field: string }[]).map((e) => e.field))].sort();
  expect(got).toEqual([...fields].sort());
}

/** `[method, path, body, the fields its 400 names]`. */
export type BadRequest = [method: string, path: string, body: object | undefined, fields: string[]];

/** Sends each request as `client`: each must be a 400 naming exactly its fields. */
export async function expectBadRequests(client: ApiClient, requests: BadRequest[]): Promise<void> {
  for (const [method, path, body, fields] of requests) {
    const res = await client.request(method, path, body);
    expect({ method, path, status: res.status }).toEqual({ method, path, status: 400 });
    expectFieldErrors(res, fields);
  }
}
