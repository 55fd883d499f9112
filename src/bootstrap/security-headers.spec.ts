import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import { installSecurityHeaders } from './security-headers';

const options = {
  global: true,
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
};

async function answer(install: (app: ReturnType<typeof Fastify>) => Promise<unknown>, url: string) {
  const app = Fastify();
  await install(app);
  app.get('/here', async () => ({ ok: true }));
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const reply = await fetch(origin + url);
  await reply.text();
  await app.close();
  const { date: _date, 'keep-alive': _keepAlive, ...headers } = Object.fromEntries(reply.headers);
  return { status: reply.status, headers };
}

describe('installSecurityHeaders', () => {
  it.each(['/here', '/nowhere'])('sets on %s exactly the headers @fastify/helmet sets', async (url) => {
    const ours = await answer((app) => installSecurityHeaders(app, options), url);
    const theirs = await answer((app) => app.register(helmet, options), url);
    expect(ours).toEqual(theirs);
    expect(ours.headers['content-security-policy']).toBe("default-src 'self';frame-ancestors 'none'");
    expect(ours.headers['x-frame-options']).toBe('DENY');
  });
});
