import Fastify, { type FastifyInstance } from 'fastify';
import { installConditionalGet, matches } from './conditional-get';

describe('conditional GET', () => {
  let app: FastifyInstance;
  let origin: string;
  let body = { items: [1, 2, 3] };

  beforeAll(async () => {
    app = Fastify();
    installConditionalGet(app, { prefix: '/api/', cacheControl: { '/api/meta': 'public, max-age=3600' } });
    app.get('/api/things', async () => body);
    app.post('/api/things', async () => body);
    app.get('/api/meta', async (request, reply) => {
      reply.header('access-control-allow-origin', request.headers.origin ?? '*').header('vary', 'Accept-Language');
      return { fields: ['music'] };
    });
    app.get('/api/missing', async (_req, reply) => reply.code(404).send({ title: 'Not Found' }));
    app.get('/health', async () => ({ ok: true }));
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(() => app.close());

  it('tags a read with a weak ETag and answers 304 without a body when the client has it', async () => {
    const first = await fetch(`${origin}/api/things`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(await first.json()).toEqual(body);
    const again = await fetch(`${origin}/api/things`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it('answers the new body once it changed, never the stale one', async () => {
    const etag = (await fetch(`${origin}/api/things`)).headers.get('etag')!;
    body = { items: [1, 2, 3, 4] };
    const changed = await fetch(`${origin}/api/things`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ items: [1, 2, 3, 4] });
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('lets reference data be cached, and nothing else', async () => {
    const meta = await fetch(`${origin}/api/meta`, { headers: { origin: 'https://a.example' } });
    expect(meta.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(meta.headers.get('vary')).toBe('Accept-Language, Origin');
    expect((await fetch(`${origin}/api/things`)).headers.get('cache-control')).toBeNull();
  });

  it('leaves writes, errors and routes outside the prefix alone', async () => {
    expect((await fetch(`${origin}/api/things`, { method: 'POST' })).headers.get('etag')).toBeNull();
    expect((await fetch(`${origin}/api/missing`, { headers: { 'if-none-match': '*' } })).status).toBe(404);
    expect((await fetch(`${origin}/health`)).headers.get('etag')).toBeNull();
  });

  it('compares entity tags weakly, in a list, or any with *', () => {
    expect(matches('"abc"', 'W/"abc"')).toBe(true);
    expect(matches('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches('*', 'W/"abc"')).toBe(true);
    expect(matches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matches(undefined, 'W/"abc"')).toBe(false);
  });
});
