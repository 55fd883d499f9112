import type { FastifyReply } from 'fastify';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * What is kept of a cached read: the answer's bytes as Fastify would have sent them (JSON.stringify:
 * no route has a response schema) and their ETag, so a hit costs neither serialization nor hashing.
 */
export interface KeptAnswer {
  body: string;
  etag: string;
}

/** Fastify route config of a `@CachedRead` route, read by the hit hook (cached-read.hook.ts). */
export interface CachedReadRouteConfig {
  cachedRead?: true;
}

/**
 * Whether a request may be answered from the cache: anonymous (a signed-in caller may have just
 * written through another instance whose event this one has not seen yet), and not asking for a
 * fresh answer (`Cache-Control: no-cache`, RFC 9111 §5.2.1.4).
 */
export function mayUseKeptAnswer(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers.authorization !== undefined) return false;
  const control = headers['cache-control'];
  const value = Array.isArray(control) ? control.join(',') : (control ?? '');
  return !/\b(no-cache|no-store|max-age=0)\b/i.test(value);
}

/** Sets the kept answer's headers and returns its body; conditional-get.ts answers a revalidation with its ETag. */
export function keptAnswerBody(reply: FastifyReply, answer: KeptAnswer): string {
  void reply.header('content-type', JSON_TYPE).header('etag', answer.etag);
  return answer.body;
}
