import { createHash } from 'node:crypto';

/** A weak ETag over a body's bytes (RFC 9110 §8.8.3): same body, same tag, on every instance. */
export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}
