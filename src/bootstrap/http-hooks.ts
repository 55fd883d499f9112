import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { findOperatorKeys } from '../common/http/operator-keys';
import { problem, PROBLEM_CONTENT_TYPE } from '../common/http/problem';
import { sendProblem } from '../common/http/problem-details.filter';
import { InputValidationException } from '../common/http/validation.pipe';
import type { MetricsRegistry } from '../ops/metrics/metrics.registry';

/**
 * Fastify-level hooks: errors raised before Nest's pipeline (JSON parsing, body limit, unknown
 * routes) get the same problem+json as the rest; `$`-keys anywhere in body or query are a 400;
 * every response is timed for /metrics.
 */
export function installHttpHooks(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  const logger = new Logger('HTTP');

  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });

  fastify.addHook('preValidation', async (request) => {
    const errors = [...findOperatorKeys(request.body), ...findOperatorKeys(request.query)];
    if (errors.length) throw new InputValidationException(errors);
  });

  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  fastify.setErrorHandler((error, request, reply) => sendProblem(error, request, reply, logger));
  fastify.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem(404, `No route ${request.method} ${request.url.split('?')[0]}`), instance: request.url, requestId: request.id });
  });
}
