import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the server owns: never answered with the web client's page. */
const SERVER_PATHS = /^\/(api|docs|health|metrics|admin\/queues|socket\.io)(\/|$|\?|-)/;
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';

/** web/dist from src/bootstrap (npm start, tests) or dist/src/bootstrap (the built image). */
export function findWebDist(): string | null {
  const candidates = [join(__dirname, '..', '..', 'web', 'dist'), join(__dirname, '..', '..', '..', 'web', 'dist')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the built web client (web/dist) at `/`: its files (hashed ones under /assets cached for a
 * year: a new build has new names), and index.html for any other page a browser navigates to (the
 * client's router draws it). API, docs, health, metrics, the queue board and Socket.IO keep their
 * own answers, and a request that does not accept HTML (curl, fetch) still gets the API's 404.
 * Without a build (`npm run build:web`), the API runs alone and says so once.
 */
export async function setupWebClient(app: NestFastifyApplication): Promise<void> {
  const root = findWebDist();
  if (!root) {
    new Logger('WebClient').warn('web/dist not found: the web client is not served (run `npm run build:web`)');
    return;
  }
  const indexHtml = readFileSync(join(root, 'index.html'));
  const page = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  await app.register(async (web: FastifyInstance) => {
    await web.register(fastifyStatic, {
      root,
      wildcard: false, // one route per built file; other paths fall through to the page below
      index: false,
      decorateReply: false, // Swagger UI and the queue board register @fastify/static too
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', path.startsWith(join(root, 'assets')) ? HASHED_ASSET_CACHE : 'no-cache'),
      globIgnore: ['index.html'],
    });
    web.get('/', (_req, reply) => page(reply));
    web.get('/*', (req: FastifyRequest, reply: FastifyReply) => {
      const acceptsHtml = (req.headers.accept ?? '').includes('text/html');
      if (SERVER_PATHS.test(req.url) || !acceptsHtml) return reply.callNotFound();
      return page(reply);
    });
  });
}
