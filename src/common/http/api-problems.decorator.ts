import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiSecurity } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (problem+json with an `errors` array of {field, message})',
  401: 'Missing, malformed or expired access token',
  403: 'Authenticated but not allowed',
  404: 'No such resource',
  409: 'A rule of the domain forbids it now (state, duplicate, stale version)',
  413: 'Body over 1 MB',
  429: 'Too many requests (see Retry-After)',
};

/** Documents the problem+json errors a route can answer, in the OpenAPI document. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      }),
    ),
  );
}

/**
 * A read open to anyone whose answer depends on who asks (e.g. hidden practices for their author
 * and admins): a bearer token is optional, and a bad one is a 401. In the document, `security` lists
 * the token or nothing (`{}`), so clients send the token they have and may send none.
 */
export function ApiOptionalBearerAuth() {
  return applyDecorators(ApiBearerAuth(), ApiSecurity({}));
}
