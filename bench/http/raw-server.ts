/**
 * The raw baseline of bench/http, run in a process of its own (as the app is): plain Fastify with
 * no hooks or plugins, answering each route with the exact bytes the app answered it with.
 * Routes come as JSON in RAW_ROUTES; prints `listening <port>` once ready.
 */
import Fastify from 'fastify';

export interface RawRoute {
  method: 'GET' | 'POST';
  url: string;
  status: number;
  body: string;
  /** The app's ETag for this body: a request naming a tag gets a 304 with it, as from the app. */
  etag?: string;
}

async function main() {
  const routes = JSON.parse(process.env.RAW_ROUTES ?? '[]') as RawRoute[];
  const app = Fastify({ logger: false });
  for (const r of routes) {
    // POST bodies are parsed by Fastify's own JSON parser, as a real write route's would be.
    app.route({
      method: r.method,
      url: r.url,
      handler: async (req, reply) => {
        // Any tag the client names is current here: the baseline of a revalidation is a bare 304.
        if (r.etag && req.headers['if-none-match']) return reply.code(304).header('etag', r.etag).send();
        return reply.code(r.status).type('application/json; charset=utf-8').send(r.body);
      },
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`listening ${(app.server.address() as { port: number }).port}\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

if (require.main === module) void main();
