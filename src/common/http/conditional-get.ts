import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { weakEtag } from './weak-etag';

export interface ConditionalGetOptions {
  /** Only answers under this path prefix get an ETag (the API, not /health or /metrics). */
  prefix: string;
  /** `Cache-Control` per route pattern, for reference data that changes only with a release. */
  cacheControl: Readonly<Record<string, string>>;
}

/**
 * Honest HTTP caching for reads: every 200 answer to a GET (or HEAD) under `prefix` carries a weak
 * ETag over its body, and a request whose `If-None-Match` names it gets a 304 without the body.
 * The body is computed as usual first, so a 304 is never stale: a client that wrote something and
 * reads again gets the new body (a new ETag) at once. Routes in `cacheControl` (the reference data,
 * GET /meta) may also be kept by browsers and shared caches for the given time.
 * Streams (static files: @fastify/static sets its own validators and answers their revalidation)
 * are left alone. A route that knows its body's ETag already (a kept answer, src/common/cache)
 * sets it, and this hook uses it instead of hashing the body again.
 */
export function installConditionalGet(fastify: FastifyInstance, { prefix, cacheControl }: ConditionalGetOptions): void {
  fastify.addHook('onSend', (request, reply, payload, done) => done(null, revalidated(request, reply, payload)));

  function revalidated(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (!request.url.startsWith(prefix)) return payload;
    const policy = cacheControl[request.routeOptions.url ?? ''];
    if (policy && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', policy);
      // CORS reflects the caller's Origin: a shared cache must key on it too (a route's own
      // `Vary: Accept-Language` replaces the CORS plugin's `Vary: Origin`).
      if (reply.hasHeader('access-control-allow-origin')) addVary(reply, 'Origin');
    }
    const given = reply.getHeader('etag');
    const etag = typeof given === 'string' ? given : weakEtag(payload);
    reply.header('etag', etag);
    if (!matches(request.headers['if-none-match'], etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return null;
  }
}

function addVary(reply: FastifyReply, name: string): void {
  const current = String(reply.getHeader('vary') ?? '');
  const names = current.split(',').map((n) => n.trim().toLowerCase());
  if (!names.includes(name.toLowerCase()) && !names.includes('*')) reply.header('vary', current ? `${current}, ${name}` : name);
}

/** RFC 9110 §13.1.2: weak comparison against a list of entity tags, or `*`. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}
