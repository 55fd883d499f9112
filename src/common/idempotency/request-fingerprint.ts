import { createHash } from 'node:crypto';

/** What makes two requests "the same request" for an Idempotency-Key: method, URL and body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest('base64url');
}
