/**
 * How a request appears in the logs (pino-http options of LoggingModule): once, without secrets.
 */

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

/** The parsed query with credential parameters' values replaced. */
export function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, SECRET_PARAMS.test(name) ? REDACTED : value]));
}

interface SerializedRequest {
  url?: string;
  query?: unknown;
  [key: string]: unknown;
}

/** pino-http `serializers.req`: the standard serialized request, with credentials in the URL redacted. */
export function serializeRequest(req: SerializedRequest): SerializedRequest {
  return { ...req, url: req.url && redactUrl(req.url), query: redactQuery(req.query) };
}

/**
 * pino-http `autoLogging.ignore`, asked when its middleware meets a request. Nest mounts the logging
 * middleware twice on paths excluded from the global prefix (/health/live…): the second meeting
 * (pino-http counts them in `req.allLogs`) is ignored, so each request is logged once.
 */
export function skipRequestLog(req: { url?: string; originalUrl?: string; allLogs?: unknown[] }): boolean {
  if ((req.allLogs?.length ?? 0) > 1) return true;
  // A mounted middleware sees `url` relative to its mount path; `originalUrl` is the path asked for.
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  return QUIET_PATHS.has(path);
}
