import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI document at /docs-json and its UI at /docs, with the shared Problem schema. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Creative Cities Exchange API')
    .setDescription(
      'Joint projects, best practices and exchanges between UNESCO Creative Cities. Errors are RFC 9457 problem+json; events and live (Socket.IO /live) messages are listed in docs/events.md.',
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
