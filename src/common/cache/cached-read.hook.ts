import type { FastifyInstance } from 'fastify';
import { keptAnswerBody, mayUseKeptAnswer, type CachedReadRouteConfig, type KeptAnswer } from './kept-answer';
import type { ReadCache } from './read-cache';

/**
 * Answers a kept read in Fastify's preHandler, before Nest's router, guard and interceptors (about
 * half of a hit's cost there: docs/performance.md). Only for `@CachedRead` routes (their route config),
 * and only with what the interceptor kept for this very URL: that request already went through the
 * whole pipeline — its query was validated, the guard let an anonymous caller in — so answering the
 * same URL again here decides nothing new. The server's hooks still run: CORS and security headers
 * and the request id before (onRequest), the ETag/304 and the request log and metrics after. A miss
 * goes on to Nest, whose CachedReadInterceptor reads and keeps it.
 */
export function installCachedReadHits(fastify: FastifyInstance, cache: ReadCache): void {
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'GET' || !(request.routeOptions.config as CachedReadRouteConfig | undefined)?.cachedRead) return done();
    if (!mayUseKeptAnswer(request.headers)) return done();
    const hit = cache.get(request.url);
    if (!hit) return done();
    // Sent from the hook: Fastify skips the handler, and done() must not be called.
    void reply.send(keptAnswerBody(reply, hit.value as KeptAnswer));
  });
}
