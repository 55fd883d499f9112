import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorToProblem } from './error-to-problem';
import { PROBLEM_CONTENT_TYPE } from './problem';

/** The one place where errors become HTTP answers (application/problem+json, RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    sendProblem(error, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger): void {
  const body = errorToProblem(error);
  body.instance = request.url;
  body.requestId = String(request.id);
  if (body.status >= 500) logger.error({ err: error, requestId: request.id }, body.detail);
  if (body.status === 503 && !reply.getHeader('retry-after')) reply.header('Retry-After', '5');
  if (body.status === 429 && !reply.getHeader('retry-after')) {
    // @nestjs/throttler names the header after the throttler (Retry-After-login); clients expect the standard one.
    const named = Object.keys(reply.getHeaders()).find((h) => h.toLowerCase().startsWith('retry-after-'));
    reply.header('Retry-After', String(named ? reply.getHeader(named) : 60));
  }
  reply.status(body.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
}
