import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { get, type IncomingHttpHeaders } from 'node:http';

/** Headers of the probe's reply that are Fastify's or Node's, not helmet's. */
const NOT_HELMET = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The headers helmet sets with these options, read once from helmet itself: a throwaway Fastify
 * instance with @fastify/helmet, on a loopback port, answers one request. (Not `inject`: its
 * light-my-request loads an ES module that Jest cannot require.)
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string][]> {
  const probe = Fastify();
  try {
    await probe.register(helmet, options);
    probe.get('/', async () => '');
    const origin = await probe.listen({ port: 0, host: '127.0.0.1' });
    const headers = await new Promise<IncomingHttpHeaders>((resolve, reject) =>
      get(origin, { agent: false }, (res) => {
        res.resume();
        resolve(res.headers);
      }).once('error', reject),
    );
    return Object.entries(headers)
      .filter(([name]) => !NOT_HELMET.has(name))
      .map(([name, value]) => [name, String(value)]);
  } finally {
    await probe.close();
  }
}

/**
 * Sets helmet's headers on every reply, as @fastify/helmet does (on the raw response, in an
 * onRequest hook, so the docs, the queue board, errors and 404s carry them too), but with values
 * computed once: @fastify/helmet builds its middleware again on every request (parses the CSP
 * directives, rebuilds each header), which cost about 8% of a route without database work
 * (docs/performance.md). The options never change per route here (no nonces, no route config).
 */
export async function installSecurityHeaders(fastify: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = await helmetHeaders(options);
  fastify.addHook('onRequest', (_request, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of headers) res.setHeader(name, value);
    done();
  });
}
