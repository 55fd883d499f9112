/** RFC 9457 problem details, the body of every error answer. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
  requestId?: string;
  /** Extension member: readiness checks of /health when not ready. */
  checks?: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://creative-cities.exchange/problems/';

const TITLES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const SLUGS: Record<number, string> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  431: 'request-header-fields-too-large',
  500: 'internal',
  503: 'service-unavailable',
};

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  const slug = extra.code ?? SLUGS[status] ?? `http-${status}`;
  return {
    type: TYPE_BASE + slug,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}
