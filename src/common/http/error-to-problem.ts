import { HttpException } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { InputValidationException } from './validation.pipe';
import { Problem, problem } from './problem';

const DOMAIN_STATUS: Record<DomainError['kind'], number> = {
  rule: 409,
  conflict: 409,
  'not-found': 404,
  forbidden: 403,
  invalid: 400,
};

/** Errors meaning a backing service (MongoDB, Redis) is unreachable: the client is not at fault. */
function isBackendUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const name = error.name ?? '';
  return (
    /^Mongo(ServerSelection|Network|NotConnected|TopologyClosed)Error$/.test(name) ||
    name === 'MaxRetriesPerRequestError' ||
    /Connection is closed|ECONNREFUSED|Stream isn't writeable/.test(error.message)
  );
}

/** Fastify's own errors (body parsing, size limit, media type) carry `statusCode` and `code`. */
function fastifyStatus(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; code?: unknown };
  if (typeof e?.statusCode === 'number' && typeof e.code === 'string' && e.code.startsWith('FST_')) return e.statusCode;
  return undefined;
}

/** Fastify's router refuses a route parameter longer than this (its default `maxParamLength`). */
const MAX_PARAM_LENGTH = 100;

const bodyError = (detail: string, message: string): Problem => problem(400, detail, { errors: [{ field: 'body', message }] });

/**
 * A Fastify 4xx (router, body parsing, size limit, media type) in words for the client: its own
 * messages echo the whole URL or say little, and a 400 must name what is wrong (`errors`).
 */
function fastifyProblem(error: Error & { code?: string; statusCode: number }): Problem {
  if (/forbidden (prototype|constructor) property/.test(error.message)) {
    return bodyError(
      'The request body contains a key that is not allowed (__proto__ or constructor.prototype).',
      'must not contain the keys __proto__ or constructor.prototype',
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'The request body is larger than the 1 MB limit.');
    case 'FST_ERR_BAD_URL':
      return problem(400, 'The URL is not valid: it has a malformed percent-encoding.', {
        errors: [{ field: 'path', message: 'is not a valid URL component' }],
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, `A path segment is longer than ${MAX_PARAM_LENGTH} characters; no id is that long.`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return bodyError('The request body is empty but its Content-Type says JSON.', 'must be a JSON object (send {} or no Content-Type)');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return bodyError('The request body is not valid JSON.', 'is not valid JSON');
  }
  if (error.name === 'SyntaxError') return bodyError('The request body is not valid JSON.', 'is not valid JSON');
  return problem(error.statusCode, error.message);
}

/**
 * Maps any thrown value to a problem. Only a genuine bug becomes a 500, and its detail never leaks
 * internals; everything a client can cause has a 4xx here. Every 400 names what is wrong in
 * `errors` (SPEC §3).
 */
export function errorToProblem(thrown: unknown): Problem {
  const answer = toProblem(thrown);
  if (answer.status === 400 && !answer.errors?.length) answer.errors = [{ field: 'request', message: answer.detail }];
  return answer;
}

function toProblem(thrown: unknown): Problem {
  // Nest wraps Fastify's own errors (body parsing, size limit) in an HttpException; read the cause.
  const cause = thrown instanceof HttpException ? (thrown as { cause?: unknown }).cause : undefined;
  const error = fastifyStatus(cause) ? cause : thrown;
  if (error instanceof InputValidationException) {
    return problem(400, error.detail ?? 'The request has invalid fields.', { errors: error.fieldErrors });
  }
  if (error instanceof DomainError) {
    const status = DOMAIN_STATUS[error.kind];
    const errors = error.kind === 'invalid' ? [{ field: (error as unknown as { field: string }).field, message: error.message }] : undefined;
    return problem(status, error.message, { code: error.code, ...(errors ? { errors } : {}) });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail =
      typeof body === 'string'
        ? body
        : Array.isArray((body as { message?: unknown }).message)
          ? (body as { message: string[] }).message.join('; ')
          : String((body as { message?: unknown }).message ?? error.message);
    // Structured bodies (e.g. terminus health results) are kept as a `checks` extension member.
    const details = typeof body === 'object' && body && 'details' in body ? { checks: (body as { details: unknown }).details } : {};
    return problem(status, detail, details);
  }
  const fst = fastifyStatus(error);
  if (fst && fst < 500) return fastifyProblem(error as Error & { code: string; statusCode: number });
  if ((error as Error)?.name === 'SyntaxError' && (error as { statusCode?: number }).statusCode === 400) {
    return fastifyProblem(error as Error & { statusCode: number });
  }
  if (isBackendUnavailable(error)) {
    return problem(503, 'A backing service is unavailable; try again shortly.');
  }
  return problem(500, 'An unexpected error occurred; it has been logged.');
}
