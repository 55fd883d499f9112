import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { sendProblem } from '../common/http/problem-details.filter';
import { problem, PROBLEM_CONTENT_TYPE } from '../common/http/problem';

const logger = new Logger('HTTP');

/**
 * Errors of Fastify's router, before any route or hook runs: a malformed percent-encoding in the
 * path (400) and a path parameter over 100 characters (414). Nest's default answers them with
 * Fastify's own JSON; here they are problem+json like every other error.
 */
export function frameworkErrors(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('X-Request-Id', request.id);
  sendProblem(error, request, reply, logger);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them: a request line and headers over
 * the 16 KB limit (431, e.g. a 10 000-character unicode query), a timeout (408), anything
 * unparsable (400). Fastify's default writes a plain JSON body; this writes problem+json.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify(
    status === 431
      ? problem(431, 'The request line and headers are larger than the server accepts (16 KB); send long input in a request body.')
      : status === 408
        ? problem(408, 'The request was not received in time.')
        : problem(400, 'The request is not valid HTTP.', { errors: [{ field: 'request', message: 'is not valid HTTP' }] }),
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
