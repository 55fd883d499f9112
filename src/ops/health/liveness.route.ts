import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';

export const LIVENESS_PATH = '/health/live';
const BODY = JSON.stringify({ status: 'ok' });

/**
 * `GET /health/live` as a plain Fastify route: it has no input, no auth and no side effect, so it
 * skips Nest's router, guard and interceptors (about half of its cost, docs/performance.md). The
 * server's own hooks still run: security headers, the request log, metrics.
 */
export function installLivenessRoute(fastify: FastifyInstance): void {
  fastify.get(LIVENESS_PATH, (_request, reply) => {
    void reply.header('content-type', 'application/json; charset=utf-8').send(BODY);
  });
}

/** Its entry in the OpenAPI document, which is built from Nest's controllers only. */
export function documentLiveness(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.LivenessView = {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['ok'] } },
  };
  document.paths[LIVENESS_PATH] = {
    get: {
      operationId: 'HealthController_live',
      summary: 'Liveness: the process serves HTTP',
      tags: ['operations'],
      parameters: [],
      responses: {
        '200': { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/LivenessView' } } } },
      },
    },
  };
}
