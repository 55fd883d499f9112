import { Injectable, UnsupportedMediaTypeException, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const CSV_CONTENT_TYPE = 'text/csv';

interface CsvRouteConfig {
  acceptsCsv?: boolean;
}

/** Marks the route that takes a `text/csv` body (POST /cities/import); every other route refuses one with 415. */
export const AcceptsCsv = () => RouteConfig({ acceptsCsv: true } satisfies CsvRouteConfig);

/**
 * Lets Fastify accept `Content-Type: text/csv` bodies as a string on the routes marked
 * `@AcceptsCsv()`, within the app's body limit (a bigger file is a 413). Content-type parsers are
 * global in Fastify: without the mark, a CSV (or any text sent as text/csv) would reach a JSON
 * route as a string. Registered when the module starts, before the server listens; a no-op
 * without an HTTP server (CLI scripts).
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser || fastify.hasContentTypeParser(CSV_CONTENT_TYPE)) return;
    fastify.addContentTypeParser(CSV_CONTENT_TYPE, { parseAs: 'string' }, (request: FastifyRequest, body, done) => {
      if (!(request.routeOptions.config as CsvRouteConfig | undefined)?.acceptsCsv) {
        done(new UnsupportedMediaTypeException(`This route does not take ${CSV_CONTENT_TYPE}; send application/json.`), undefined);
        return;
      }
      done(null, body);
    });
  }
}
