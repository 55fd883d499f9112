import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentLiveness } from '../ops/health/liveness.route';

/** OpenAPI document at /docs-json and its UI at /docs, with the shared Problem schema. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Creative Cities Exchange API')
    .setDescription(
      'Joint projects, best practices and exchanges between UNESCO Creative Cities. Errors are RFC 9457 problem+json ' +
        '(schema Problem; `code` says which domain rule refused a request); events and live (Socket.IO /live) messages are ' +
        'listed in docs/events.md.\n\n' +
        // Documented once rather than on every operation: they come from the framework, not from the route.
        'Each operation lists the errors its own rules give. Besides those, any route can answer, as problem+json: ' +
        '400 for a hostile or malformed query or body (operator or prototype keys, too deep or too large, ill-formed text), ' +
        '401 when a bearer token is sent but is not valid (even where no token is needed; not on login or /health), ' +
        '413 for a body over 1 MB, 414 (or 404) for a path segment over 100 characters, 415 for a body of a type the route does not take, ' +
        '431 for headers over 16 KB, and 500 for a fault of the server.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem = {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri', description: 'What kind of problem: https://creative-cities.exchange/problems/<code or slug>' },
      title: { type: 'string' },
      status: { type: 'integer', description: 'The HTTP status' },
      detail: { type: 'string', description: 'What went wrong, for a person' },
      instance: { type: 'string' },
      // Clients branch on `code` (e.g. `project.no-accepted-partner`), so it must be in the schema they are generated from.
      code: { type: 'string', description: 'Why a domain rule refused the request (e.g. `project.no-accepted-partner`); absent for generic errors' },
      requestId: { type: 'string', description: 'The X-Request-Id of the request, to find it in the logs' },
      errors: {
        type: 'array',
        description: 'The fields at fault and what is wrong with each (400s)',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: { field: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  };
  documentLiveness(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
