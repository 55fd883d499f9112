import type { FastifyInstance } from 'fastify';
import { findForbiddenKeys } from '../common/http/forbidden-keys';
import { InputValidationException } from '../common/http/validation.pipe';
import type { MetricsRegistry } from '../ops/metrics/metrics.registry';

/**
 * Fastify-level hooks: `$`-keys and prototype keys (`__proto__`, `constructor`, `prototype`) anywhere
 * in body or query are a 400 before any handler runs, every
 * response carries its request id and is timed for /metrics. (Errors raised by Fastify itself —
 * JSON parsing, body limit, unknown routes — reach Nest's global ProblemDetailsFilter.)
 */
export function installHttpHooks(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  fastify.addHook('preValidation', async (request) => {
    const errors = [...findForbiddenKeys(request.body), ...findForbiddenKeys(request.query)];
    if (errors.length) throw new InputValidationException(errors);
  });

  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}
