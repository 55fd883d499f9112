/** RFC 9457 problem details as the API sends them (components.schemas.Problem). */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** The domain rule that refused the request (e.g. `project.no-invitation`); absent for generic errors. */
  code?: string;
  errors?: { field?: string; message?: string }[];
  /** The request's X-Request-Id, to find it in the logs. */
  requestId?: string;
}

/** What a failed call threw: its status and, when the API sent one, the problem+json body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && typeof (value as Problem).title === 'string';
}

/** The domain rule code of a failed call (`exchange.already-open`…), or undefined for any other failure. */
export const problemCode = (error: unknown): string | undefined => (error instanceof ApiError ? error.problem?.code : undefined);

/**
 * Unwraps an openapi-fetch result for TanStack Query: the data, or a thrown ApiError (so queries
 * and mutations see failures as errors). A network failure rejects before this (fetch's TypeError).
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const retry = Number(response.headers.get('Retry-After'));
  throw new ApiError(response.status, isProblem(error) ? error : null, Number.isFinite(retry) && retry > 0 ? retry : null);
}
