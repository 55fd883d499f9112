import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const CSV_CONTENT_TYPE = 'text/csv';

/**
 * Lets Fastify accept `Content-Type: text/csv` bodies as a string (POST /cities/import), within the
 * app's body limit (a bigger file is a 413). Registered when the module starts, before the server
 * listens; a no-op without an HTTP server (CLI scripts).
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser || fastify.hasContentTypeParser(CSV_CONTENT_TYPE)) return;
    fastify.addContentTypeParser(CSV_CONTENT_TYPE, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  }
}
