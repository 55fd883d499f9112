import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { asFieldErrors, inspectInput } from '../common/http/input-inspection';
import { sendProblem } from '../common/http/problem-details.filter';
import { InputValidationException } from '../common/http/validation.pipe';
import type { MetricsRegistry } from '../ops/metrics/metrics.registry';

const logger = new Logger('HTTP');

/**
 * Fastify-level hooks: a body or query that inspectInput finds hostile (operator or prototype keys,
 * too deep, too many keys) is a 400 before any guard runs or DTO is built; every
 * response carries its request id and is timed for /metrics. (Errors raised by Fastify itself —
 * JSON parsing, body limit, unknown routes — reach Nest's global ProblemDetailsFilter.)
 */
export function installHttpHooks(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  // Callback hooks, not async ones: a promise per hook and request is measurable on a route that does little.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });

  fastify.addHook('preValidation', (request, reply, done) => {
    // Hostile input stops here, before a guard or a DTO sees it; field problems are the validation pipe's.
    const problems = [...inspectInput(request.body, 'body'), ...inspectInput(request.query, 'query')];
    // Answered here rather than thrown: on routes outside Nest (the web client's fallback, the docs) a
    // thrown error would reach Fastify's default handler and its plain JSON.
    if (problems.some((p) => p.hostile)) {
      // Answered: Fastify skips the route, and done() must not be called.
      sendProblem(new InputValidationException(asFieldErrors(problems)), request, reply, logger);
      return;
    }
    done();
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}
