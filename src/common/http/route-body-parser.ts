import { UnsupportedMediaTypeException } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';

interface BodyTypesConfig {
  acceptsBodyTypes?: string[];
}

/** Marks a route that takes a body of `contentType` besides JSON (e.g. `text/csv`); every other route refuses one with 415. */
export const AcceptsBody = (contentType: string) => RouteConfig({ acceptsBodyTypes: [contentType] } satisfies BodyTypesConfig);

/**
 * Lets Fastify parse `contentType` bodies with `parse` on the routes marked `@AcceptsBody(contentType)`
 * only, within the app's body limit (a bigger one is a 413). Content-type parsers are global in
 * Fastify: without the mark, text sent with that type would reach a JSON route. Call it when a
 * module starts, before the server listens; a no-op without an HTTP server (CLI scripts).
 */
export function installRouteBodyParser(fastify: FastifyInstance | undefined, contentType: string, parse: (text: string) => unknown): void {
  if (!fastify?.addContentTypeParser || fastify.hasContentTypeParser(contentType)) return;
  fastify.addContentTypeParser(contentType, { parseAs: 'string' }, (request: FastifyRequest, body, done) => {
    if (!(request.routeOptions.config as BodyTypesConfig | undefined)?.acceptsBodyTypes?.includes(contentType)) {
      done(new UnsupportedMediaTypeException(`This route does not take ${contentType}; send application/json.`), undefined);
      return;
    }
    done(null, parse(body as string));
  });
}
