import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardFastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from '../../../common/http/problem';
import { boardCookie, findBoardToken } from './board-token';

export const BOARD_PATH = '/admin/queues';

/** Who holds a token, as far as the board cares: decided by the caller (auth lives above infra). */
export type BoardViewer = 'admin' | 'not-admin' | 'unknown';
export type BoardViewerCheck = (token: string) => Promise<BoardViewer>;

/**
 * Bull Board at /admin/queues, for admins only. Registered straight on Fastify (not through
 * @bull-board/nestjs, whose Nest middleware would sit under the global /api/v1 prefix and whose
 * path matching of the board's sub-routes is not guaranteed): an encapsulated plugin whose
 * onRequest hook guards every page, asset and API call of the board. Who is an admin is told by
 * `viewerOf`, given where the app is assembled (src/bootstrap), so infrastructure imports no auth.
 */
export function installQueueDashboard(fastify: FastifyInstance, queues: Queue[], viewerOf: BoardViewerCheck): void {
  const serverAdapter = new BoardFastifyAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/fastify 9.10.1 carries its own @bull-board/api typings; the runtime contract is the same.
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Creative Cities queues' } },
  });
  void fastify.register(async (scope) => {
    scope.addHook('onRequest', (request, reply) => guard(request, reply, viewerOf));
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: BOARD_PATH });
  });
}

async function guard(request: FastifyRequest, reply: FastifyReply, viewerOf: BoardViewerCheck): Promise<void> {
  const found = findBoardToken({
    authorization: request.headers.authorization,
    cookie: request.headers.cookie,
    queryToken: (request.query as Record<string, unknown> | undefined)?.token,
  });
  const viewer: BoardViewer = found ? await viewerOf(found.token).catch((): BoardViewer => 'unknown') : 'unknown';
  if (viewer !== 'admin') {
    const status = viewer === 'not-admin' ? 403 : 401;
    const detail =
      viewer === 'not-admin'
        ? 'The queue dashboard is reserved to admins.'
        : 'Sign in as an admin: send the access token as a bearer header, ?token= or cookie.';
    await reply
      .status(status)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem(status, detail), instance: request.url.split('?')[0] });
    return;
  }
  if (found?.fromQuery) reply.header('Set-Cookie', boardCookie(found.token, BOARD_PATH));
}
