import createClient, { type Middleware } from 'openapi-fetch';
import { session } from '../auth/session';
import type { paths } from './schema';

/**
 * The typed API client: every path, parameter and body is checked against web/src/api/schema.d.ts
 * (generated from the OpenAPI document), so an API change breaks `npm run build:web`.
 * Same origin: the API serves this client (and Vite's dev server proxies /api).
 */
export const api = createClient<paths>({ baseUrl: '/' });

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.get()?.token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A token the API refuses (expired, user disabled): end the session; the router goes to sign-in.
    if (response.status === 401 && request.headers.has('Authorization')) session.set(null);
    return response;
  },
};
api.use(auth);
