import type { FastifyInstance, FastifyRequest } from 'fastify';

/** How a request appears in the logs: once, without secrets (installRequestLog). */

/** Query parameters that carry credentials (a socket token, an invitation or reset link). */
const SECRET_PARAMS = /^(access_token|token)$/i;
const REDACTED = '[Redacted]';
/** Readiness and metrics, polled every few seconds by orchestrators and Prometheus: a line each would drown the rest. */
const QUIET_PATHS = new Set(['/health', '/metrics']);

/** Replaces the values of credential parameters in a URL's query string, keeping everything else as sent. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && SECRET_PARAMS.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * One line per request, written when its answer is sent (or its client went away), from a Fastify
 * hook rather than pino-http's middleware: `request completed` (`request errored` at level error for
 * a 5xx), with `requestId` (the reply's X-Request-Id, as in the audit log and the problem logs),
 * `method`, `url` with credential parameters redacted, `remoteAddress`, `statusCode` and
 * `responseTime` in ms. No headers, so no
 * credentials and a short line. `/health` and `/metrics` are not logged; `/health/live` is.
 */
export function installRequestLog(fastify: FastifyInstance, logger: () => PinoLike | undefined): void {
  const write = (request: FastifyRequest, statusCode: number, responseTime: number | undefined, msg?: string) => {
    const log = logger();
    if (!log?.isLevelEnabled(statusCode >= 500 ? 'error' : 'info')) return;
    const path = request.url.split('?', 1)[0];
    if (QUIET_PATHS.has(path)) return;
    // Flat fields, not `req`/`res`: the root logger's pino-http serializers would read those as
    // Node's request and response objects.
    const line = {
      requestId: request.id,
      method: request.method,
      url: redactUrl(request.url),
      remoteAddress: request.ip,
      statusCode,
      responseTime: responseTime === undefined ? undefined : Math.round(responseTime * 10) / 10,
    };
    if (statusCode >= 500) log.error(line, msg ?? 'request errored');
    else log.info(line, msg ?? 'request completed');
  };
  fastify.addHook('onResponse', (request, reply, done) => {
    write(request, reply.statusCode, reply.elapsedTime);
    done();
  });
  // The client left before the answer: 499, as the audit log counts it.
  fastify.addHook('onRequestAbort', (request, done) => {
    write(request, 499, undefined, 'request aborted');
    done();
  });
}

/** The part of a pino logger the request log uses. */
export interface PinoLike {
  isLevelEnabled(level: string): boolean;
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
